// wwwroot/js/crisp-chat.js: the help centre's Crisp chat, loaded on the first click of "Chat with us".
window.$crisp = window.$crisp || [];
window.CRISP_WEBSITE_ID = '7e1c2d3f-0a1b-4c5d-8e9f-a0b1c2d3e4f5';

let loaded = false;

function openChat(button) {
  if (!consent.has('prefs')) {
    button.closest('.help-chat').querySelector('.consent-needed').hidden = false;
    return;
  }
  if (!loaded) {
    const s = document.createElement('script');
    s.src = 'https://client.crisp.chat/l.js';
    s.async = true;
    document.head.appendChild(s);
    loaded = true;
  }
  $crisp.push(['do', 'chat:open']);
  if (button.dataset.email) {
    $crisp.push(['set', 'user:email', [button.dataset.email]]);
  }
  sessionStorage.setItem('chat_open', '1');
}

document.querySelectorAll('[data-open-chat]').forEach(b => b.addEventListener('click', () => openChat(b)));
