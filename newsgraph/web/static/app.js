// The only script: open a statement's evidence when its number in the text is followed.
// Pages work without it (the evidence is a <details> that opens on click).
"use strict";
function openTargetedEvidence() {
  var id = decodeURIComponent(location.hash.slice(1));
  var target = id && document.getElementById(id);
  var details = target && target.querySelector("details");
  if (details) { details.open = true; }
}
window.addEventListener("hashchange", openTargetedEvidence);
document.addEventListener("DOMContentLoaded", openTargetedEvidence);
