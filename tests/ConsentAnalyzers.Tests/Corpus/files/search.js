// wwwroot/js/search.js: the header search box with suggestions and the visitor's recent searches.
const HISTORY_KEY = 'search_history';
const input = document.querySelector('#site-search');
const list = document.querySelector('#search-suggestions');

function history() {
  return JSON.parse(localStorage.getItem(HISTORY_KEY) || '[]');
}

function remember(term) {
  const next = [term, ...history().filter(t => t !== term)].slice(0, 8);
  localStorage.setItem(HISTORY_KEY, JSON.stringify(next));
}

async function suggest(term) {
  const response = await fetch('/api/search/suggest?q=' + encodeURIComponent(term));
  const items = await response.json();
  list.replaceChildren(...items.map(i => Object.assign(document.createElement('li'), { textContent: i.title })));
}

let pending = 0;
input?.addEventListener('input', () => {
  clearTimeout(pending);
  pending = setTimeout(() => suggest(input.value.trim()), 200);
});

input?.form.addEventListener('submit', () => {
  const term = input.value.trim();
  if (term && consent.has('prefs')) {
    remember(term);
  }
  if (term && consent.has('analytics')) {
    gtag('event', 'search', { search_term: term });
  }
});
