// The consent window (embed/consent.html), opened by the embed frame (static/embed-frame.js)
// when the person ticks "Send my score". It is a window of its own: the website showing the
// frame can make the frame transparent or cover it, but not this. The answer goes back to the
// frame that opened it, and only to our origin; it carries no score and no answer.
import { origin } from "./embed-options.js";

const host = origin(new URLSearchParams(location.search).get("host"));
const question = document.getElementById("consent-question");
const yes = document.getElementById("consent-yes");
const no = document.getElementById("consent-no");

let answered = false;
function answer(value) {
  if (answered) return;
  answered = true;
  if (window.opener) window.opener.postMessage({ type: "crs:consent", v: 1, yes: value }, location.origin);
  window.close();
}

if (host && window.opener) {
  question.textContent = question.getAttribute("data-words").replace("{host}", host);
  document.title = question.textContent;
  yes.disabled = false;
  yes.addEventListener("click", () => answer(true));
}
no.addEventListener("click", () => answer(false));
addEventListener("pagehide", () => answer(false));   // closed without an answer: no
