// mtlint's page for editors: sends the article to this server's /v2/check (offsets in
// UTF-16 code units, as JavaScript strings count) and /mtlint/fix, and shows the findings.
// No other request is made.
"use strict";

const SEVERITIES = [
  ["error", "Errors"],
  ["warning", "Warnings"],
  ["info", "Hints"],
];

const $ = (id) => document.getElementById(id);
const input = $("input");
const state = { text: null, markup: "text", matches: [], fileName: null, timer: null };

// The markup a text looks like: HTML if it has tags, Markdown if it has headings,
// lists, links, emphasis or code fences, else plain text. A file name decides first.
function detect(text, name) {
  const ext = (name || "").toLowerCase().split(".").pop();
  if (name && ["html", "htm", "xhtml"].includes(ext)) return "html";
  if (name && ["md", "markdown", "mdx"].includes(ext)) return "markdown";
  if (/<(p|div|h[1-6]|ul|ol|li|a|em|strong|br|html|body|span|table)\b[^>]*>/i.test(text)) return "html";
  if (/^(#{1,6} |[-*+] |\d+\. |```|> )|\[[^\]]+\]\([^)]+\)|\*\*[^*]+\*\*/m.test(text)) return "markdown";
  return "text";
}

function markup() {
  const chosen = $("markup").value;
  const found = chosen === "auto" ? detect(input.value, state.fileName) : chosen;
  $("detected").textContent = chosen === "auto" ? `(read as ${found})` : "";
  return found;
}

async function post(path, fields) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
  const body = await response.text();
  if (!response.ok) throw new Error(body);
  return JSON.parse(body);
}

function setStatus(message) {
  $("status").textContent = message;
}

async function check() {
  clearTimeout(state.timer);
  const text = input.value;
  const kind = markup();
  setStatus("Checking…");
  try {
    const reply = await post("/v2/check", {
      text,
      language: "en-US",
      markup: kind,
      level: $("picky").checked ? "picky" : "default",
    });
    state.text = text;
    state.markup = kind;
    state.matches = reply.matches;
    render();
  } catch (e) {
    setStatus(`The check failed: ${e.message}`);
  }
}

function summary(matches) {
  if (matches.length === 0) return "No findings.";
  const counts = SEVERITIES.map(([sev, title]) => [
    matches.filter((m) => m.mtlint.severity === sev).length,
    title.toLowerCase(),
  ])
    .filter(([n]) => n > 0)
    .map(([n, title]) => `${n} ${n === 1 ? title.replace(/s$/, "") : title}`);
  return `${matches.length} finding${matches.length === 1 ? "" : "s"}: ${counts.join(", ")}.`;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k.startsWith("data-") || k === "tabindex" || k === "id" || k.startsWith("aria-")) node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const child of children) node.append(child);
  return node;
}

// Whitespace made visible in a quoted snippet.
function visible(s) {
  return s.replace(/\n/g, "\\n").replace(/\t/g, "\\t").replace(/\u00a0/g, "\\u{a0}").replace(/\u202f/g, "\\u{202f}");
}

function goTo(index) {
  const item = $(`finding-${index}`);
  if (item) {
    item.focus();
    item.scrollIntoView({ block: "nearest" });
  }
}

function render() {
  const text = state.text;
  const preview = $("preview");
  preview.replaceChildren();
  // Highlights in text order; a finding overlapping one already shown is only listed.
  let at = 0;
  state.matches.forEach((m, index) => {
    if (m.offset < at) return;
    preview.append(text.slice(at, m.offset));
    const quoted = text.slice(m.offset, m.offset + m.length);
    const mark = el(
      "mark",
      {
        class: m.mtlint.severity + (quoted === "" ? " empty" : ""),
        tabindex: "0",
        title: `${m.mtlint.severity}: ${m.message}`,
        "aria-label": `${m.mtlint.severity}: ${m.message}`,
        "data-index": String(index),
        "data-rule": m.rule.id,
        "data-offset": String(m.offset),
        "data-length": String(m.length),
      },
      quoted,
    );
    mark.addEventListener("click", () => goTo(index));
    mark.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        goTo(index);
      }
    });
    preview.append(mark);
    at = m.offset + m.length;
  });
  preview.append(text.slice(at));

  const findings = $("findings");
  findings.replaceChildren();
  for (const [sev, title] of SEVERITIES) {
    const group = state.matches.map((m, i) => [m, i]).filter(([m]) => m.mtlint.severity === sev);
    if (group.length === 0) continue;
    const list = el("ol", { class: sev });
    for (const [m, index] of group) {
      const quoted = text.slice(m.offset, m.offset + m.length);
      const item = el(
        "li",
        { class: sev, id: `finding-${index}`, tabindex: "-1", "data-rule": m.rule.id, "data-offset": String(m.offset) },
        el("span", { class: "badge" }, sev),
        el("span", { class: "message" }, m.message),
        " ",
        el("span", { class: "rule" }, m.rule.id),
        el("div", {}, "Text: ", el("span", { class: "quote" }, visible(quoted) || "(an insertion point)")),
      );
      for (const r of m.replacements) {
        const unsafe = m.mtlint.fix === "unsafe";
        const button = el("button", { type: "button", class: unsafe ? "fix unsafe" : "fix" }, m.mtlint.fixTitle);
        button.addEventListener("click", () => applyOne(m, r.value));
        item.append(el("div", {}, button));
      }
      if (m.mtlint.help) {
        item.append(el("details", {}, el("summary", {}, "Why, and examples"), el("pre", {}, m.mtlint.help)));
      }
      list.append(item);
    }
    findings.append(el("h3", {}, `${title} (${group.length})`), list);
  }
  setStatus(summary(state.matches));
  $("fix-all").disabled = !state.matches.some((m) => m.mtlint.fix === "safe");
}

// Apply one replacement to the checked text, then check again.
function applyOne(m, replacement) {
  if (input.value !== state.text) {
    setStatus("The text changed since it was checked: checking it again first.");
    check();
    return;
  }
  input.value = state.text.slice(0, m.offset) + replacement + state.text.slice(m.offset + m.length);
  check().then(() => input.focus());
}

async function fixAll() {
  const kind = markup();
  setStatus("Applying the safe fixes…");
  try {
    const fixed = await post("/mtlint/fix", { text: input.value, markup: kind });
    input.value = fixed.text;
    await check();
    setStatus(`${fixed.applied} safe fix${fixed.applied === 1 ? "" : "es"} applied. ${$("status").textContent}`);
  } catch (e) {
    setStatus(`Fixing failed: ${e.message}`);
  }
}

async function copy() {
  try {
    await navigator.clipboard.writeText(input.value);
    setStatus("The text is copied.");
  } catch {
    input.select();
    setStatus(document.execCommand("copy") ? "The text is copied." : "Copying failed: select the text and copy it.");
  }
}

function download() {
  const ext = { html: "html", markdown: "md", text: "txt" }[markup()];
  const base = state.fileName ? state.fileName.replace(/\.[^.]*$/, "") : "article";
  const link = el("a", { href: URL.createObjectURL(new Blob([input.value], { type: "text/plain" })), download: `${base}.fixed.${ext}` });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(link.href);
}

async function load(file) {
  state.fileName = file.name;
  input.value = await file.text();
  check();
}

input.addEventListener("input", () => {
  clearTimeout(state.timer);
  state.timer = setTimeout(check, 700);
});
input.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    check();
  }
});
input.addEventListener("dragover", (e) => {
  e.preventDefault();
  input.classList.add("dragging");
});
input.addEventListener("dragleave", () => input.classList.remove("dragging"));
input.addEventListener("drop", (e) => {
  input.classList.remove("dragging");
  const file = e.dataTransfer && e.dataTransfer.files[0];
  if (file) {
    e.preventDefault();
    load(file);
  }
});
$("file").addEventListener("change", (e) => e.target.files[0] && load(e.target.files[0]));
$("markup").addEventListener("change", check);
$("picky").addEventListener("change", check);
$("check").addEventListener("click", check);
$("fix-all").addEventListener("click", fixAll);
$("copy").addEventListener("click", copy);
$("download").addEventListener("click", download);
$("fix-all").disabled = true;
