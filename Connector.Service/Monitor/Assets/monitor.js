// Connector Monitor page: sign-in, then a live view fed by Server-Sent Events
// (GET /api/monitor/events, one "snapshot" event per second). Every value from the API is
// written with textContent, never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
let events = null;
let lastSnapshot = null;
let staleTimer = null;

function show(view) {
  $("login-view").hidden = view !== "login";
  $("monitor-view").hidden = view !== "monitor";
  $("logout").hidden = view !== "monitor";
  $("live").hidden = view !== "monitor";
}

async function start() {
  const response = await fetch("/api/monitor/session", { credentials: "same-origin" });
  if (response.ok) {
    const session = await response.json();
    startMonitor(session.user);
  } else {
    showLogin("");
  }
}

function showLogin(message) {
  stopEvents();
  $("who").textContent = "";
  $("login-error").textContent = message;
  show("login");
  $("login-user").focus();
}

async function login(event) {
  event.preventDefault();
  // After repeated failures the service makes an attempt wait for its turn (up to 30 s).
  $("login-error").textContent = "Checking…";
  const body = JSON.stringify({ user: $("login-user").value, password: $("login-password").value });
  let response;
  try {
    response = await fetch("/api/monitor/login", {
      method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body,
    });
  } catch (e) {
    $("login-error").textContent = "The connector service does not answer.";
    return;
  }
  $("login-password").value = "";
  $("login-error").textContent = "";
  if (response.ok) {
    const session = await response.json();
    startMonitor(session.user);
  } else {
    let message = "Sign-in failed.";
    try { message = (await response.json()).message || message; } catch (e) { /* keep default */ }
    $("login-error").textContent = message;
  }
}

async function logout() {
  await fetch("/api/monitor/logout", { method: "POST", credentials: "same-origin" });
  showLogin("Signed out.");
}

function startMonitor(user) {
  $("who").textContent = user;
  show("monitor");
  stopEvents();
  events = new EventSource("/api/monitor/events");
  events.addEventListener("snapshot", (e) => {
    markLive();
    render(JSON.parse(e.data));
  });
  events.addEventListener("failure", () => markStale());
  events.onerror = async () => {
    markStale();
    // The browser reconnects by itself; if the login expired, go back to the sign-in form.
    const response = await fetch("/api/monitor/session", { credentials: "same-origin" }).catch(() => null);
    if (response && response.status === 401) {
      showLogin("Your session ended; please sign in again.");
    }
  };
}

function stopEvents() {
  if (events) { events.close(); events = null; }
}

function markLive() {
  $("live").classList.remove("stale");
  $("live").textContent = "live";
  clearTimeout(staleTimer);
  staleTimer = setTimeout(markStale, 5000);
}

function markStale() {
  $("live").classList.add("stale");
  $("live").textContent = "no updates";
}

// ---- rendering ----

const fmtTime = (iso) => (iso ? new Date(iso).toLocaleTimeString() : "–");
const fmtDateTime = (iso) => (iso ? new Date(iso).toLocaleString() : "–");
const fmtMs = (ms) => (ms >= 1000 ? (ms / 1000).toFixed(2) + " s" : ms.toFixed(ms < 10 ? 2 : 0) + " ms");

function fmtDuration(seconds) {
  const d = Math.floor(seconds / 86400), h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
  return (d ? d + "d " : "") + String(h).padStart(2, "0") + ":" + String(m).padStart(2, "0") + ":" + String(s).padStart(2, "0");
}

function cell(row, text, className) {
  const td = document.createElement("td");
  if (text instanceof Node) td.appendChild(text); else td.textContent = text == null ? "" : String(text);
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

function badge(text, className) {
  const span = document.createElement("span");
  span.className = className;
  span.textContent = text;
  return span;
}

function fillTable(tableId, items, addCells, emptyText) {
  const tbody = $(tableId).tBodies[0];
  const rows = items.map((item) => {
    const tr = document.createElement("tr");
    addCells(tr, item);
    return tr;
  });
  if (rows.length === 0 && emptyText) {
    const tr = document.createElement("tr");
    const td = cell(tr, emptyText);
    td.colSpan = $(tableId).tHead.rows[0].cells.length;
    td.className = "empty";
    rows.push(tr);
  }
  tbody.replaceChildren(...rows);
}

const yesNo = (ok, yes, no) => badge(ok ? yes : no, ok ? "ok" : "bad");

function agentMatches(agent, filter) {
  if (!filter) return true;
  const text = [agent.agentId, agent.state, agent.reasonCode, agent.reasonCodeLabel, agent.extension,
    ...agent.clients, ...agent.calls.flatMap((c) => [c.dialogId, c.state, c.from, c.to])].join(" ").toLowerCase();
  return filter.toLowerCase().split(/\s+/).every((word) => text.includes(word));
}

function render(s) {
  lastSnapshot = s;
  const inService = s.status.status === "IN_SERVICE";
  $("status-banner").className = "banner " + (inService ? "in" : "out");
  $("status-text").textContent = s.status.status;
  $("status-reason").textContent = s.status.reason || "";
  $("status-since").textContent = fmtDateTime(s.status.since);
  $("uptime").textContent = fmtDuration(s.uptimeSeconds);
  $("version").textContent = s.version;
  $("taken-at").textContent = fmtDateTime(s.takenAt);

  $("finesse-active").textContent = s.finesse.activeSide || "none";
  fillTable("finesse-table", s.finesse.sides, (tr, side) => {
    cell(tr, side.side + (side.side === s.finesse.activeSide ? " (active)" : ""));
    cell(tr, side.url);
    cell(tr, side.systemStatus ? yesNo(side.systemStatus === "IN_SERVICE", side.systemStatus, side.systemStatus) : "–");
    cell(tr, yesNo(side.xmppConnected, "up", "down"));
    cell(tr, yesNo(side.finessePresenceAvailable, "available", "unavailable"));
    cell(tr, fmtTime(side.lastChecked));
    cell(tr, side.detail || "", "msg");
  }, "No Finesse side configured");

  $("broker-uri").textContent = s.broker.uri;
  $("broker-state").replaceChildren(yesNo(s.broker.connected, "connected", "disconnected"));
  $("broker-since").textContent = fmtDateTime(s.broker.since);
  $("broker-reconnects").textContent = s.broker.reconnectCount;

  $("rate-window").textContent = "rates over " + s.rates.windowSeconds + " s, latency over " + s.latency.windowSeconds + " s";
  $("rate-in").textContent = s.rates.inPerSecond.toFixed(1);
  $("rate-out").textContent = s.rates.outPerSecond.toFixed(1);
  $("total-in").textContent = s.rates.totalIn;
  $("total-out").textContent = s.rates.totalOut;
  $("lat-p50").textContent = fmtMs(s.latency.p50Ms);
  $("lat-p90").textContent = fmtMs(s.latency.p90Ms);
  $("lat-p99").textContent = fmtMs(s.latency.p99Ms);
  $("lat-max").textContent = fmtMs(s.latency.maxMs);
  $("lat-count").textContent = s.latency.count;

  fillTable("requests-table", s.requestsByType, (tr, r) => { cell(tr, r.key); cell(tr, r.count, "num"); }, "none yet");
  fillTable("error-codes-table", s.errorsByCode, (tr, r) => { cell(tr, r.key); cell(tr, r.count, "num"); }, "none");

  $("client-count").textContent = (s.clientCount ?? s.clients.length) + " connected" + ((s.clientCount ?? 0) > s.clients.length ? " (" + s.clients.length + " listed)" : "");
  fillTable("clients-table", s.clients, (tr, c) => {
    cell(tr, c.clientId);
    cell(tr, c.host || "–");
    cell(tr, fmtTime(c.lastHeartbeat));
    cell(tr, c.agentCount, "num");
  }, "No driver connected");

  renderAgents();

  fillTable("errors-table", s.recentErrors, (tr, e) => {
    cell(tr, fmtTime(e.time));
    cell(tr, e.code);
    cell(tr, e.agentId || "");
    cell(tr, e.dialogId || "");
    cell(tr, e.message, "msg");
  }, "No errors");
}

function renderAgents() {
  const s = lastSnapshot;
  if (!s) return;
  const filter = $("agent-filter").value.trim();
  const agents = s.agents.filter((a) => agentMatches(a, filter));
  const listed = (s.agentCount ?? 0) > s.agents.length ? " (" + s.agents.length + " of " + s.agentCount + " listed)" : "";
  $("agent-count").textContent = (filter ? agents.length + " of " + s.agents.length : s.agents.length + "") + listed;
  fillTable("agents-table", agents, (tr, a) => {
    tr.dataset.agentId = a.agentId;
    cell(tr, a.agentId);
    cell(tr, badge(a.state, "state " + a.state));
    cell(tr, a.reasonCodeLabel ? a.reasonCodeLabel + " (" + a.reasonCode + ")" : (a.reasonCode || ""));
    cell(tr, a.extension || "");
    cell(tr, a.calls.map((c) => c.state + " " + (c.from || "?") + " → " + (c.to || "?") + " [" + c.dialogId + "]").join("\n"), "msg");
    cell(tr, fmtTime(a.lastEventTime));
    cell(tr, a.clients.join(", "));
  }, filter ? "No agent matches the filter" : "No agent signed in");
}

document.addEventListener("DOMContentLoaded", () => {
  $("login-form").addEventListener("submit", login);
  $("logout").addEventListener("click", logout);
  $("agent-filter").addEventListener("input", renderAgents);
  start();
});
