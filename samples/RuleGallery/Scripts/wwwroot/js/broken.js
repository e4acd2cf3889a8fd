// CG0109: this file does not parse as JavaScript (a TypeScript annotation), so nothing in it is checked.
const draft: string = localStorage.getItem('wizard_state');
