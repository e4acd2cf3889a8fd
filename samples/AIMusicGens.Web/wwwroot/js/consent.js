// The visitor's consent, as the server read it from the consent cookie and rendered it on <body data-consent="…">
// (the optional categories granted, separated by spaces). The manifest declares consent.has as the site's script
// guard, so the analyzers check every storage write and tracking call in these scripts against it.
window.consent = {
    has: function (category) {
        var granted = (document.body.dataset.consent || '').split(' ');
        return granted.indexOf(category) >= 0;
    }
};
