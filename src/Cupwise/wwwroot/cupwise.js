// Cupwise's only script of its own, served as a file so that the Content-Security-Policy can forbid inline script.

// The timer alert: a tone that repeats until the practitioner acknowledges it (UI.md).
window.cupwiseAlert = (function () {
    let ctx = null, timer = null;
    function beep() {
        ctx = ctx || new (window.AudioContext || window.webkitAudioContext)();
        const o = ctx.createOscillator(), g = ctx.createGain();
        o.frequency.value = 880; g.gain.value = 0.15; o.connect(g); g.connect(ctx.destination);
        o.start(); o.stop(ctx.currentTime + 0.25);
    }
    return {
        start: function () { if (!timer) { try { beep(); } catch (e) { } timer = setInterval(function () { try { beep(); } catch (e) { } }, 1500); } return true; },
        stop: function () { if (timer) { clearInterval(timer); timer = null; } return true; }
    };
})();

// Buttons marked data-print print the page (the client summary).
document.addEventListener('click', function (e) {
    const button = e.target instanceof Element ? e.target.closest('[data-print]') : null;
    if (button) { window.print(); }
});

// The client form: a condition written in words is offered the ICD-10 codes that fit it, before it is saved. The
// server decides what fits (GET /api/v1/conditions/codes); a click puts the code in the row's code field.
(function () {
    let pending = null;
    function offersFor(row) {
        const name = row.querySelector('[data-condition-name]'), code = row.querySelector('[data-condition-code]');
        const box = row.querySelector('[data-offers]');
        if (!name || !code || !box) { return; }
        const text = name.value.trim();
        if (code.value.trim() !== '' || text === '') { box.replaceChildren(); return; }
        fetch('/api/v1/conditions/codes?text=' + encodeURIComponent(text), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (r) { return r.ok ? r.json() : []; })
            .then(function (offers) {
                if (name.value.trim() !== text) { return; }
                box.replaceChildren(...offers.map(function (o) {
                    const b = document.createElement('button');
                    b.type = 'button'; b.className = 'offer'; b.dataset.code = o.code;
                    b.setAttribute('aria-label', 'Code condition ' + row.dataset.condition + ' as ' + o.code + ' (' + o.title + ')');
                    b.textContent = 'Code as ' + o.code + ' · ' + o.title;
                    return b;
                }));
            })
            .catch(function () { });
    }
    // The row's "coded as" note, made when the row had none.
    function codedAs(row) {
        let coded = row.querySelector('[data-coded-as]');
        if (!coded) {
            coded = Object.assign(document.createElement('span'), { className: 'hint' });
            coded.setAttribute('data-coded-as', '');
            row.querySelector('[data-offers]').before(coded);
        }
        return coded;
    }
    // A code picked from the field's list ("Epilepsy (G40)") is split into its title and its code at once.
    function picked(row) {
        const name = row.querySelector('[data-condition-name]'), code = row.querySelector('[data-condition-code]');
        const list = name && document.getElementById(name.getAttribute('list'));
        const option = list ? Array.from(list.options).find(function (o) { return o.value === name.value; }) : null;
        if (!option) { return false; }
        name.value = option.dataset.title;
        if (code.value.trim() === '') { code.value = option.dataset.code; }
        codedAs(row).textContent = code.value + ' · coded when you save';
        row.querySelector('[data-offers]').replaceChildren();
        return true;
    }
    document.addEventListener('input', function (e) {
        const row = e.target instanceof Element ? e.target.closest('tr[data-condition]') : null;
        if (!row) { return; }
        if (e.target.matches('[data-condition-name]') && picked(row)) { return; }
        clearTimeout(pending);
        pending = setTimeout(function () { offersFor(row); }, 300);
    });
    document.addEventListener('click', function (e) {
        const button = e.target instanceof Element ? e.target.closest('button.offer[data-code]') : null;
        const row = button ? button.closest('tr[data-condition]') : null;
        if (!row) { return; }
        const code = row.querySelector('[data-condition-code]');
        code.value = button.dataset.code;
        code.dispatchEvent(new Event('change', { bubbles: true }));
        codedAs(row).textContent = button.dataset.code + ' · coded when you save';
        row.querySelector('[data-offers]').replaceChildren();
        code.focus();
    });
})();
