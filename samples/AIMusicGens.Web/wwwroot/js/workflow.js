// Product state kept in the browser (the policy's "AIMusicGens app storage" row, Functional): the generation form
// draft, the latest lyrics, the certificate workflow step and the page to return to after checkout. Each is kept
// only with consent to functional technologies; without it the pages work, they just forget.
const STORAGE_KEYS = {
    formDraft: 'generate_form_draft',
    lyrics: 'lyrics_result',
    certificateStep: 'certificate_workflow_state',
    returnPage: 'return_page',
};

const form = document.getElementById('generate-form');
if (form) {
    form.addEventListener('input', () => {
        if (consent.has('functional')) {
            localStorage.setItem(STORAGE_KEYS.formDraft, JSON.stringify(Object.fromEntries(new FormData(form))));
        }
    });
    form.addEventListener('submit', () => {
        if (consent.has('functional')) {
            sessionStorage.setItem(STORAGE_KEYS.lyrics, form.elements.namedItem('mood').value);
            sessionStorage.setItem(STORAGE_KEYS.certificateStep, 'requested');
        }
    });
}

document.querySelectorAll('a[href="/checkout"]').forEach((link) => {
    link.addEventListener('click', () => {
        if (consent.has('functional')) {
            sessionStorage.setItem(STORAGE_KEYS.returnPage, location.pathname);
        }
    });
});
