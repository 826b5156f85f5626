// One role's live desk page: draws the views the server pushes (server-sent events), counts the
// countdown down between pushes, and sends this screen's ticks and counters. No framework, no
// build step; every name and cue from the plan is set as text, never as markup.
"use strict";

const words = JSON.parse(document.getElementById("words").textContent);
const $ = (id) => document.getElementById(id);
let view = null; // the last view the server pushed
let receivedAt = 0; // when it came (performance.now(), ms)
let drawn = ""; // what the lists were last drawn from
let source = null;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function clock(seconds) {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

function figure(value) {
  return value === null || value === undefined ? "—" : Number(value).toLocaleString();
}

function moment(iso) {
  if (!iso) return "";
  return new Date(iso).toLocaleTimeString([], { hour12: false });
}

function who(actor) {
  return words[`role.${actor}`] || actor;
}

function running() {
  return view && (view.phase === "running" || view.phase === "overtime");
}

// Seconds since the view came, while the timer runs: the page counts on between pushes.
function since() {
  return running() ? (performance.now() - receivedAt) / 1000 : 0;
}

function drawClock() {
  if (!view) return;
  const remaining = view.remaining_s - since();
  const box = $("clock");
  let level = view.level;
  if (running() && remaining < 0) level = "overtime";
  box.className = `clock level-${level}`;
  const finished = view.phase === "finished";
  $("countdown").textContent = finished
    ? "–:––"
    : remaining < 0
      ? `+${clock(-remaining)}`
      : clock(Math.ceil(remaining));
  $("countdown").dataset.remaining = String(Math.round(remaining));
  for (const due of document.querySelectorAll(".due[data-due]")) {
    const left = Number(due.dataset.due) - since();
    due.textContent = (left >= 0 ? words.in : words.ago).replace("{time}", clock(Math.abs(left)));
    due.classList.toggle("overdue", left < 0 && !due.closest(".ticked"));
  }
}

function send(path, body, button) {
  if (button) button.disabled = true;
  fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    cache: "no-store",
  })
    .then(async (response) => {
      if (!response.ok) {
        const answer = await response.json().catch(() => ({}));
        refuse(answer.message || `${response.status}`);
      }
    })
    .catch(() => refuse(words.reconnecting))
    .finally(() => {
      if (button) button.disabled = false;
    });
}

let refusalTimer = 0;
function refuse(message) {
  const box = $("refusal");
  box.textContent = message;
  box.hidden = false;
  clearTimeout(refusalTimer);
  refusalTimer = setTimeout(() => (box.hidden = true), 5000);
}

function itemRow(item) {
  const row = el("li", item.tick ? "ticked" : "");
  row.dataset.key = item.key;
  row.append(el("span", "kind", words[`kind.${item.kind}`]));
  row.append(el("span", "text", item.who ? `${item.who}: ${item.text}` : item.text));
  const due = el("span", "due");
  due.dataset.due = String(item.due_s);
  row.append(due);
  if (item.may_tick) {
    const button = el("button", item.tick ? "undo" : "tick", item.tick ? words.untick : words.tick);
    button.type = "button";
    button.addEventListener("click", () =>
      send("tick", { item: item.key, undo: Boolean(item.tick) }, button),
    );
    row.append(button);
  }
  if (item.tick) {
    row.append(el("span", "by", `✓ ${who(item.tick.actor)} ${moment(item.tick.at)}`));
  }
  return row;
}

function fill(list, rows, emptyText) {
  list.replaceChildren(...rows);
  if (!rows.length) list.append(el("li", "empty", emptyText));
}

function soldOutButton(item) {
  const button = el("button", "out", words.mark_sold_out);
  button.type = "button";
  button.addEventListener("click", () => send("count", { kind: "sold_out", item }, button));
  return button;
}

function counterRows(kept) {
  const rows = [];
  for (const p of view.products) {
    const row = el("li", p.sold_out ? "sold-out" : "");
    row.dataset.item = `product:${p.id}`;
    row.append(el("span", "name", p.name));
    const left = el("span", "figure", `${words.stock_left} `);
    left.append(el("b", "left", figure(p.left)));
    const sold = el("span", "figure", `${words.sold} `);
    sold.append(el("b", "", figure(p.sold)));
    row.append(left, sold);
    if (p.sold_out) row.append(el("span", "badge-out", words.sold_out));
    if (view.may_count && !p.sold_out) {
      const controls = el("div", "controls");
      controls.append(soldOutButton(`product:${p.id}`));
      row.append(controls);
    }
    rows.push(row);
  }
  for (const p of view.promos) {
    const row = el("li", p.sold_out ? "sold-out" : "");
    row.dataset.item = `promo:${p.id}`;
    const name = el("span", "name");
    name.append(el("span", "kind", words[`promo.${p.kind}`]), ` ${p.name}`);
    row.append(name);
    const released = el("span", "figure", `${words.released} `);
    released.append(el("b", "released", figure(p.released)));
    if (p.planned !== null) released.append(` / ${figure(p.planned)}`);
    const claimed = el("span", "figure", `${words.claimed} `);
    claimed.append(el("b", "claimed", figure(p.claimed)));
    row.append(released, claimed);
    if (p.sold_out) row.append(el("span", "badge-out", words.sold_out));
    if (view.may_count) {
      const controls = el("div", "controls");
      const units = el("input");
      units.type = "number";
      units.min = "1";
      units.inputMode = "numeric";
      units.placeholder = words.units;
      units.value = kept[`promo:${p.id}`] || "";
      const more = el("button", "", words.release_more);
      more.type = "button";
      more.addEventListener("click", () => {
        const quantity = Number(units.value);
        if (!Number.isInteger(quantity) || quantity <= 0) return units.focus();
        send("count", { kind: "released", item: `promo:${p.id}`, quantity }, more);
        units.value = "";
      });
      controls.append(units, more);
      if (!p.sold_out) controls.append(soldOutButton(`promo:${p.id}`));
      row.append(controls);
    }
    rows.push(row);
  }
  return rows;
}

function drawLists() {
  // Redrawn only when what they show changed, so a typed figure or a pressed button survives
  // the pushes of the countdown.
  const shape = JSON.stringify([
    view.items.map((i) => [i.key, i.tick, i.may_tick]),
    view.products,
    view.promos,
    view.recent,
    view.may_count,
  ]);
  if (shape === drawn) return;
  drawn = shape;
  const checklist = view.items.filter((i) => i.kind !== "cue");
  const cues = view.items.filter((i) => i.kind === "cue");
  $("checklist-box").hidden = !checklist.length && view.role !== "floor_control";
  fill($("checklist"), checklist.map(itemRow), words.nothing_due);
  fill($("cues"), cues.map(itemRow), words.nothing_due);
  const kept = {};
  for (const input of document.querySelectorAll("#counters input")) {
    kept[input.closest("li").dataset.item] = input.value;
  }
  fill($("counters"), counterRows(kept), words.no_counters);
  fill(
    $("recent"),
    view.recent.map((t) => {
      const row = el("li");
      row.dataset.key = t.item;
      row.append(el("span", "at", moment(t.at)), el("span", "text", `${who(t.actor)} ✓ ${t.what}`));
      return row;
    }),
    words.no_ticks,
  );
}

// The show's figures: GMV so far against the plan's pace, online viewers now, the minutes so
// far as bars of online viewers (GMV each minute as a line over them), the alerts and the feed.
let chartShape = "";
function drawFigures() {
  const f = view.figures;
  if (!f) return;
  $("gmv").textContent = f.gmv_fen === null ? "—" : `¥${figure(Math.round(f.gmv_fen / 100))}`;
  const pace = f.pace_fen === null ? "—" : `¥${figure(Math.round(f.pace_fen / 100))}`;
  const behind = f.behind_bp === null ? "" : ` (${f.behind_bp > 0 ? "−" : "+"}${Math.abs(f.behind_bp / 100).toFixed(0)}%)`;
  $("pace").textContent = pace + behind;
  $("pace").className = f.behind_bp !== null && f.behind_bp > 0 ? "behind" : "";
  $("online").textContent = figure(f.online_now);
  const shape = JSON.stringify(f.minutes);
  if (shape !== chartShape) {
    chartShape = shape;
    drawChart(f.minutes);
  }
  $("alerts").replaceChildren(...f.alerts.map((a) => el("li", "", a)));
  $("feed-state").textContent = f.bad_lines
    ? words.bad_lines.replace("{bad}", f.bad_lines).replace("{lines}", f.lines) +
      (f.reasons.length ? ` · ${f.reasons[f.reasons.length - 1]}` : "")
    : f.lines
      ? words.lines.replace("{lines}", f.lines)
      : words.no_feed;
  $("typed").hidden = !view.may_count;
}

function drawChart(minutes) {
  const svg = $("chart");
  svg.replaceChildren();
  const n = minutes.length;
  if (!n) return;
  const ns = "http://www.w3.org/2000/svg";
  const most = Math.max(1, ...minutes.map((m) => m[1] || 0));
  const mostGmv = Math.max(1, ...minutes.map((m) => m[2] || 0));
  const width = 300 / Math.max(n, 30);
  minutes.forEach((m, i) => {
    if (m[1] === null) return; // no reading that minute: a gap, never a bar of 0
    const bar = document.createElementNS(ns, "rect");
    const height = (m[1] / most) * 56;
    bar.setAttribute("x", String(i * width));
    bar.setAttribute("y", String(60 - height));
    bar.setAttribute("width", String(Math.max(width - 0.5, 0.5)));
    bar.setAttribute("height", String(height));
    bar.setAttribute("class", "bar");
    svg.append(bar);
  });
  const points = minutes
    .map((m, i) => (m[2] === null ? null : `${i * width + width / 2},${60 - (m[2] / mostGmv) * 56}`))
    .filter((p) => p !== null);
  if (points.length > 1) {
    const line = document.createElementNS(ns, "polyline");
    line.setAttribute("points", points.join(" "));
    line.setAttribute("class", "gmv-line");
    svg.append(line);
  }
}

function sendTyped(event) {
  event.preventDefault();
  const online = $("typed-online").value.trim();
  const gmv = $("typed-gmv").value.trim();
  if (online) send("figure", { metric: "online_viewers", value: online }, $("typed-send"));
  if (gmv) send("figure", { metric: "gmv", value: gmv }, $("typed-send"));
  $("typed-online").value = "";
  $("typed-gmv").value = "";
}

function draw() {
  const screen = view.read_only ? "viewer" : view.role;
  $("show").textContent = view.show;
  const name = view.person || words[`role.${screen}`] || screen;
  $("role").textContent = name;
  document.title = `${name} — ${view.show}`;
  $("run").textContent = view.run ? words[view.run.kind] || view.run.kind : words.no_run;
  $("segment").textContent = view.segment;
  $("phase").textContent = view.phase === "running" ? "" : words[`phase.${view.phase}`] || "";
  $("phase").className = `phase phase-${view.phase}`;
  $("next").textContent = view.next
    ? words.next.replace("{title}", view.next.title).replace("{time}", clock(view.next.duration_s))
    : view.segment
      ? words.last_segment
      : "";
  $("move-on").textContent = words.move_on;
  $("move-on").hidden = !view.move_on;
  drawLists();
  drawFigures();
  drawClock();
}

function connect() {
  source = new EventSource("events");
  source.onopen = () => ($("reconnecting").hidden = true);
  source.onmessage = (message) => {
    view = JSON.parse(message.data);
    receivedAt = performance.now();
    $("reconnecting").hidden = true;
    draw();
  };
  source.onerror = () => {
    $("reconnecting").hidden = false;
    if (source.readyState === EventSource.CLOSED) {
      // Refused outright (not merely dropped): the browser gives up, so try again ourselves.
      setTimeout(connect, 2000);
    }
  };
}

$("reconnecting").textContent = words.reconnecting;
$("checklist-title").textContent = words.checklist;
$("cues-title").textContent = words.cues;
$("counters-title").textContent = words.counters;
$("recent-title").textContent = words.recent;
$("figures-title").textContent = words.figures;
$("gmv-label").textContent = words.gmv_so_far;
$("pace-label").textContent = words.pace;
$("online-label").textContent = words.online_now;
$("typed-online").placeholder = words.online_now;
$("typed-gmv").placeholder = words.gmv_so_far_yuan;
$("typed-send").textContent = words.send;
$("typed").addEventListener("submit", sendTyped);
document.title = words.title;
connect();
setInterval(drawClock, 200);
