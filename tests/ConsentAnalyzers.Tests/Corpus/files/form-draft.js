// wwwroot/js/form-draft.js: keeps what a visitor typed into a long form, so a reload does not lose it. Drafts are
// remembered settings (functional): kept only with that consent.
const DRAFT_PREFIX = 'draft:';

function draftKey(form) {
  return DRAFT_PREFIX + form.dataset.draftId;
}

function restoreDraft(form) {
  const saved = localStorage.getItem(draftKey(form));
  if (!saved) return;
  const values = JSON.parse(saved);
  for (const [name, value] of Object.entries(values)) {
    const field = form.elements.namedItem(name);
    if (field) field.value = value;
  }
}

function serialize(form) {
  return JSON.stringify(Object.fromEntries(new FormData(form)));
}

document.querySelectorAll('form[data-draft-id]').forEach(form => {
  restoreDraft(form);

  let timer = 0;
  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!consent.has('prefs')) return;
      localStorage.setItem(`draft:${form.dataset.draftId}`, serialize(form));
    }, 500);
  });

  form.addEventListener('submit', () => localStorage.removeItem(draftKey(form)));

  // Added later for the "you have unsaved changes" case, without the check the input handler has.
  window.addEventListener('beforeunload', () => {
    localStorage.setItem(DRAFT_PREFIX + form.dataset.draftId, serialize(form)); // expect: CG0105
  });
});
