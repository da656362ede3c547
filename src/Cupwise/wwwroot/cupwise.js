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
