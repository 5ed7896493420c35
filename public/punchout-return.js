// Sends the cart back to the procurement system as soon as the page is shown.
// A file of its own, not an inline script, so the page's policy allows no
// inline code; without script the page's button does the same.
document.getElementById("punchout-return")?.submit();
