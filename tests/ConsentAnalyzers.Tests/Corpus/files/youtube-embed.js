// wwwroot/js/youtube-embed.js: click-to-play product videos. The placeholder shows a thumbnail served by the site;
// the player is loaded only after consent to functional cookies.
function playVideo(placeholder) {
  if (!consent.has('prefs')) {
    placeholder.classList.add('needs-consent');
    return;
  }
  const iframe = document.createElement('iframe');
  iframe.src = `https://www.youtube.com/embed/${placeholder.dataset.videoId}?autoplay=1&rel=0`;
  iframe.allow = 'accelerometer; autoplay; encrypted-media; picture-in-picture';
  iframe.allowFullscreen = true;
  placeholder.replaceWith(iframe);
}

document.querySelectorAll('.video-placeholder').forEach(p => {
  p.addEventListener('click', () => playVideo(p));
});

// The blog's inline videos use the privacy-enhanced player, assumed to need no consent and not declared.
document.querySelectorAll('.blog-video[data-video-id]').forEach(el => {
  const iframe = document.createElement('iframe');
  iframe.loading = 'lazy';
  iframe.src = 'https://www.youtube-nocookie.com/embed/' + el.dataset.videoId; // expect: CG0201
  el.appendChild(iframe);
});
