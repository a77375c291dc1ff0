// The playground page: talks to this server's native API only
// (/v1/tokens, /v1/tokens/inspect, /v1/tokens/check). No framework, no build
// step. Untrusted text (token contents, server messages) is only ever set
// with textContent, never as HTML.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const SVG_NS = "http://www.w3.org/2000/svg";

  // Human words for the check reasons of token-core.
  const REASONS = {
    malformed: "not a valid token",
    wrong_app_id: "wrong app ID",
    bad_signature: "signed with another certificate",
    token_expired: "token expired",
    privilege_expired: "privilege expired",
    channel_mismatch: "wrong channel",
    user_mismatch: "wrong user",
    room_mismatch: "wrong room",
    service_missing: "service not in the token",
    privilege_missing: "privilege not granted",
  };

  // ---------------------------------------------------------------------
  // Helpers.

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : String(c));
    }
    return node;
  }

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function nowSeconds() {
    return Math.floor(Date.now() / 1000);
  }

  function pad(n) {
    return String(n).padStart(2, "0");
  }

  // "2026-11-26 14:05:00" in the browser's time zone.
  function formatTime(ts) {
    if (ts === null || ts === undefined) return "no limit";
    const d = new Date(ts * 1000);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
      `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  }

  function formatDuration(seconds) {
    const s = Math.abs(seconds);
    if (s < 60) return `${s} s`;
    if (s < 3600) return `${Math.round(s / 60)} min`;
    if (s < 86400) {
      const h = Math.floor(s / 3600);
      const m = Math.round((s % 3600) / 60);
      return m ? `${h} h ${m} min` : `${h} h`;
    }
    const d = Math.floor(s / 86400);
    const h = Math.round((s % 86400) / 3600);
    return h ? `${d} d ${h} h` : `${d} d`;
  }

  function relative(ts, now) {
    if (ts === null || ts === undefined) return "never expires";
    const delta = ts - now;
    if (delta === 0) return "now";
    return delta > 0 ? `in ${formatDuration(delta)}` : `${formatDuration(delta)} ago`;
  }

  function setStatus(node, text, kind) {
    node.textContent = text;
    node.className = "status" + (kind ? " " + kind : "");
  }

  function showFor(container, attr, value) {
    for (const node of container.querySelectorAll(`[${attr}]`)) {
      node.hidden = !node.getAttribute(attr).split(" ").includes(value);
    }
  }

  function intField(id) {
    const text = $(id).value.trim();
    if (text === "") return undefined;
    const n = Number(text);
    if (!Number.isInteger(n)) throw new Error(`${$(id).labels[0].textContent.trim()}: a whole number, please`);
    return n;
  }

  function textField(id) {
    const v = $(id).value.trim();
    return v === "" ? undefined : v;
  }

  function compact(obj) {
    const out = {};
    for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
    return out;
  }

  // POST JSON to this server; resolves to the reply, throws Error(message).
  async function post(path, body) {
    const headers = { "Content-Type": "application/json" };
    const credential = $("auth").value.trim();
    if (credential) headers.Authorization = `Bearer ${credential}`;
    let reply;
    try {
      reply = await fetch(path, {
        method: "POST",
        headers,
        body: JSON.stringify(body),
        credentials: "omit",
        cache: "no-store",
      });
    } catch (e) {
      throw new Error(`cannot reach the server (${e.message})`);
    }
    let data = null;
    try {
      data = await reply.json();
    } catch (e) {
      data = null;
    }
    if (!reply.ok) {
      const message = data && data.error ? data.error.message : `HTTP ${reply.status}`;
      if (reply.status === 401) {
        throw new Error(`this server requires an API key or JWT: enter it under Credentials (${message})`);
      }
      throw new Error(message);
    }
    return data;
  }

  // ---------------------------------------------------------------------
  // 1. Generate.

  const genForm = $("gen-form");
  let lastRequest = null;

  function updateGenFields() {
    const kind = $("gen-kind").value;
    showFor(genForm, "data-kinds", kind);
    if (kind === "apaas" || kind === "education") {
      const mode = $("gen-class-mode").value;
      for (const node of genForm.querySelectorAll("[data-modes]")) {
        node.hidden = node.hidden || !node.getAttribute("data-modes").split(" ").includes(mode);
      }
    }
    $("gen-user-id").disabled = kind === "chat" && $("gen-chat-app").checked;
  }

  function rtcUser(body) {
    const value = $("gen-user").value.trim();
    if ($("gen-user-type").value === "uid") {
      const n = Number(value);
      if (value === "" || !Number.isInteger(n) || n < 0 || n > 4294967295) {
        throw new Error("uid: a number from 0 to 4294967295 (or choose account)");
      }
      body.uid = n;
    } else {
      body.account = value;
    }
  }

  function generateRequest() {
    const kind = $("gen-kind").value;
    const body = { kind };
    const expire = intField("gen-expire");
    switch (kind) {
      case "rtc":
      case "convoai":
      case "stt": {
        body.channel_name = $("gen-channel").value.trim();
        rtcUser(body);
        body.role = $("gen-role").value;
        body.expire = expire;
        body.privilege_expire = intField("gen-privilege-expire");
        body.rtm_user_id = textField("gen-rtm-user");
        if (body.rtm_user_id !== undefined) body.rtm_expire = intField("gen-rtm-expire");
        if (kind !== "rtc" && body.rtm_user_id === undefined) {
          throw new Error("RTM user ID: required for this kind");
        }
        break;
      }
      case "rtm":
        body.user_id = $("gen-user-id").value.trim();
        body.expire = expire;
        break;
      case "chat":
        if ($("gen-chat-app").checked) body.app = true;
        else body.user_id = $("gen-user-id").value.trim();
        body.expire = expire;
        break;
      case "fpa":
        break;
      default: {
        const mode = $("gen-class-mode").value;
        if (mode === "app") body.app = true;
        if (mode === "room") {
          body.room_uuid = $("gen-room").value.trim();
          body.role = intField("gen-class-role");
        }
        if (mode !== "app") body.user_uuid = $("gen-user-uuid").value.trim();
        body.expire = expire;
      }
    }
    return compact(body);
  }

  genForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const status = $("gen-status");
    let body;
    try {
      body = generateRequest();
    } catch (e) {
      setStatus(status, e.message, "error");
      return;
    }
    setStatus(status, "Generating…", "busy");
    try {
      const reply = await post("/v1/tokens", body);
      lastRequest = body;
      $("gen-token").value = reply.token;
      $("gen-result").hidden = false;
      $("dec-token").value = reply.token;
      $("chk-token").value = reply.token;
      const until = reply.expires_at === null ? "no expiry" : `expires ${formatTime(reply.expires_at)}`;
      setStatus(status, `Generated a ${reply.kind} token (${reply.token.length} characters, ${until}).`, "ok");
    } catch (e) {
      $("gen-result").hidden = true;
      setStatus(status, `Not generated: ${e.message}`, "error");
    }
  });

  $("gen-kind").addEventListener("change", updateGenFields);
  $("gen-class-mode").addEventListener("change", updateGenFields);
  $("gen-chat-app").addEventListener("change", updateGenFields);

  $("gen-copy").addEventListener("click", async () => {
    const text = $("gen-token").value;
    try {
      await navigator.clipboard.writeText(text);
      setStatus($("gen-status"), "Token copied to the clipboard.", "ok");
    } catch (e) {
      $("gen-token").select();
      setStatus($("gen-status"), "Select-all done: press Ctrl+C to copy.", "");
    }
  });

  // Fills the decode and check forms from the last generated token.
  $("gen-use").addEventListener("click", () => {
    const token = $("gen-token").value;
    $("dec-token").value = token;
    $("chk-token").value = token;
    const r = lastRequest || {};
    const service = { rtc: "rtc", convoai: "rtc", stt: "rtc", rtm: "rtm", chat: "chat", fpa: "fpa" }[r.kind] || "apaas";
    $("chk-service").value = service;
    if (r.channel_name !== undefined) $("chk-channel").value = r.channel_name;
    if (r.uid !== undefined) $("chk-uid").value = String(r.uid);
    if (r.account !== undefined) $("chk-uid").value = r.account;
    if (r.user_id !== undefined) $("chk-user-id").value = r.user_id;
    if (r.app) $("chk-user-id").value = "";
    $("chk-room").value = r.room_uuid || "";
    $("chk-user-uuid").value = r.user_uuid || "";
    updateCheckFields();
    // Keyboard and screen-reader users land on the decoded token.
    decode().then(() => {
      $("dec-title").focus({ preventScroll: true });
      $("dec-title").scrollIntoView({ block: "start" });
    });
  });

  // ---------------------------------------------------------------------
  // 2. Decode, with the timeline.

  // Absolute expiry times come from the server (token-core's JSON form):
  // null means no limit.
  function privilegeEnd(info, service, id) {
    return (service ? service.privilege_expires_at : info.privilege_expires_at)[id];
  }

  function tokenEnd(info) {
    return info.expires_at;
  }

  function serviceDetails(s) {
    const parts = [];
    for (const key of ["channel_name", "uid", "user_id", "account", "room_uuid", "user_uuid", "role"]) {
      if (s[key] !== undefined && s[key] !== "") parts.push(`${key}: ${s[key]}`);
    }
    if (s.permissions) {
      for (const p of s.permissions) parts.push(`${p.resource_type} ${p.permission_type}: ${p.resources.join(", ")}`);
    }
    return parts.join(" · ") || "—";
  }

  // Rows of the timeline: the token itself, then each privilege.
  function timelineRows(info) {
    const rows = [{ label: "token", end: tokenEnd(info), kind: "token" }];
    const services = info.version === "007" ? info.services : [{ type: "rtc", privileges: info.privileges, privilege_names: info.privilege_names, v006: true }];
    for (const s of services) {
      for (const id of Object.keys(s.privileges || {})) {
        const name = (s.privilege_names || {})[id] || `privilege ${id}`;
        rows.push({
          label: `${s.type} · ${name}`,
          end: privilegeEnd(info, s.v006 ? null : s, id),
          kind: "privilege",
          service: s.type,
          privilege: name,
        });
      }
    }
    return rows;
  }

  function drawTimeline(info, now) {
    const box = $("timeline");
    box.replaceChildren();
    const rows = timelineRows(info);
    const start = info.version === "007" ? info.issue_ts : null;
    const finite = rows.map((r) => r.end).filter((t) => t !== null && t !== undefined);
    let t0 = Math.min(now, start === null ? now : start, ...finite);
    let t1 = Math.max(now, ...finite, start === null ? now : start);
    if (t1 - t0 < 60) t1 = t0 + 60;
    const span = t1 - t0;
    t0 -= Math.round(span * 0.02);
    t1 += Math.round(span * 0.08);

    const W = 760;
    const left = 190;
    const right = W - 20;
    const rowH = 26;
    const top = 34;
    const H = top + rows.length * rowH + 34;
    const x = (t) => left + ((t - t0) / (t1 - t0)) * (right - left);

    const descParts = [];
    const root = svg("svg", {
      viewBox: `0 0 ${W} ${H}`,
      width: "100%",
      role: "img",
      "aria-labelledby": "timeline-title timeline-desc",
      class: "timeline-svg",
      id: "timeline-svg",
    });
    const desc = svg("desc", { id: "timeline-desc" });
    root.append(desc);

    // Axis with the start, now and end times.
    const axisY = top + rows.length * rowH + 6;
    root.append(svg("line", { x1: left, x2: right, y1: axisY, y2: axisY, class: "axis" }));
    const ticks = [[t0 + Math.round(span * 0.02), "start"], [t1 - Math.round(span * 0.08), "end"]];
    for (const [t, which] of ticks) {
      const tx = x(t);
      root.append(svg("line", { x1: tx, x2: tx, y1: axisY, y2: axisY + 5, class: "axis" }));
      root.append(svg("text", { x: tx, y: axisY + 18, class: "tick", "text-anchor": which === "start" ? "start" : "end" }, formatTime(t)));
    }

    rows.forEach((row, i) => {
      const y = top + i * rowH;
      const from = row.kind === "token" || start !== null ? (start === null ? t0 : start) : t0;
      const open = row.end === null || row.end === undefined;
      const end = open ? t1 : row.end;
      const expired = !open && row.end <= now;
      const g = svg("g", {
        class: `bar bar-${row.kind}${expired ? " expired" : ""}${open ? " open" : ""}`,
        "data-service": row.service || "",
        "data-privilege": row.privilege || "",
        "data-expires-at": open ? "" : row.end,
      });
      g.append(svg("text", { x: left - 8, y: y + rowH / 2 + 4, class: "row-label", "text-anchor": "end" }, row.label));
      const bx = x(from);
      const bw = Math.max(2, x(end) - bx);
      g.append(svg("rect", { x: bx, y: y + 5, width: bw, height: rowH - 10, rx: 3, class: "bar-rect" }));
      if (open) {
        g.append(svg("path", { d: `M ${right - 8} ${y + 5} L ${right} ${y + rowH / 2} L ${right - 8} ${y + rowH - 5} Z`, class: "bar-arrow" }));
      }
      const when = open ? "no limit" : `${expired ? "expired" : "expires"} ${formatTime(row.end)} (${relative(row.end, now)})`;
      g.append(svg("title", {}, `${row.label}: ${when}`));
      root.append(g);
      descParts.push(`${row.label}: ${when}`);
    });

    // Issue time and now; close together, their labels go either side.
    const nx = x(now);
    const close = start !== null && Math.abs(nx - x(start)) < 70;
    const nowFirst = start !== null && now < start;
    if (start !== null) {
      const ix = x(start);
      root.append(svg("line", { x1: ix, x2: ix, y1: 20, y2: axisY, class: "marker issue" }));
      const anchor = close ? (nowFirst ? "start" : "end") : "middle";
      root.append(svg("text", { x: close ? ix + (nowFirst ? 4 : -4) : ix, y: 14, class: "marker-label", "text-anchor": anchor }, "issued"));
    }
    root.append(svg("line", { x1: nx, x2: nx, y1: 20, y2: axisY, class: "marker now", id: "timeline-now" }));
    const nowAnchor = close ? (nowFirst ? "end" : "start") : "middle";
    root.append(svg("text", { x: close ? nx + (nowFirst ? -4 : 4) : nx, y: 14, class: "marker-label now-label", "text-anchor": nowAnchor }, "now"));

    desc.textContent = `${start !== null ? `Issued ${formatTime(start)}. ` : ""}Now ${formatTime(now)}. ${descParts.join(". ")}.`;
    box.append(root);
  }

  function renderDecoded(info, now) {
    const summary = $("dec-summary");
    summary.replaceChildren();
    const add = (term, value) => summary.append(el("dt", {}, term), el("dd", {}, value));
    add("Version", info.version);
    add("App ID", info.app_id);
    if (info.version === "007") {
      add("Issued", `${formatTime(info.issue_ts)} (${relative(info.issue_ts, now)})`);
    } else {
      add("Timestamp (ts)", `${formatTime(info.ts)}`);
    }
    const end = tokenEnd(info);
    add("Expires", end === null ? "no limit" : `${formatTime(end)} (${relative(end, now)})`);
    add("Salt", String(info.salt));
    if (info.unknown_service_type !== null && info.unknown_service_type !== undefined) {
      add("Unknown service type", String(info.unknown_service_type));
    }

    const tbody = $("dec-table").tBodies[0];
    tbody.replaceChildren();
    const services = info.version === "007" ? info.services : [{ type: "rtc (006)", privileges: info.privileges, privilege_names: info.privilege_names, v006: true }];
    for (const s of services) {
      const entries = Object.entries(s.privileges || {});
      const details = s.v006 ? `crc channel ${info.crc_channel_name}, crc uid ${info.crc_uid}` : serviceDetails(s);
      if (entries.length === 0) {
        tbody.append(el("tr", {}, el("th", { scope: "row" }, s.type), el("td", {}, details), el("td", {}, "—"), el("td", {}, "—")));
      }
      entries.forEach(([id], i) => {
        const name = (s.privilege_names || {})[id] || `privilege ${id}`;
        const pend = privilegeEnd(info, s.v006 ? null : s, id);
        const tr = el("tr", {},
          el("th", { scope: "row" }, i === 0 ? s.type : ""),
          el("td", {}, i === 0 ? details : ""),
          el("td", {}, name),
          el("td", {}, pend === null ? "no limit" : `${formatTime(pend)} (${relative(pend, now)})`));
        tbody.append(tr);
      });
    }
    $("dec-json").textContent = JSON.stringify(info, null, 2);
    drawTimeline(info, now);
    $("dec-result").hidden = false;
  }

  async function decode() {
    const status = $("dec-status");
    const token = $("dec-token").value.trim();
    if (!token) {
      setStatus(status, "Paste a token first.", "error");
      $("dec-token").focus();
      return;
    }
    setStatus(status, "Decoding…", "busy");
    try {
      const reply = await post("/v1/tokens/inspect", { token });
      renderDecoded(reply.token_info, nowSeconds());
      setStatus(status, `Decoded a ${reply.token_info.version} token.`, "ok");
    } catch (e) {
      $("dec-result").hidden = true;
      setStatus(status, `Cannot decode: ${e.message}`, "error");
    }
  }

  $("dec-form").addEventListener("submit", (event) => {
    event.preventDefault();
    decode();
  });

  // ---------------------------------------------------------------------
  // 3. Check.

  const chkForm = $("chk-form");

  function updateCheckFields() {
    showFor(chkForm, "data-services", $("chk-service").value);
  }

  function checkRequest() {
    const service = $("chk-service").value;
    const request = { service };
    if (service === "rtc") {
      request.channel_name = $("chk-channel").value.trim();
      request.uid = $("chk-uid").value.trim();
      request.publish = ["audio", "video", "data"].filter((p) => $(`chk-${p}`).checked);
    } else if (service === "rtm") {
      request.user_id = $("chk-user-id").value.trim();
    } else if (service === "chat") {
      request.user_id = textField("chk-user-id");
    } else if (service === "apaas") {
      request.room_uuid = textField("chk-room");
      request.user_uuid = textField("chk-user-uuid");
    }
    request.app_id = textField("chk-app-id");
    return compact(request);
  }

  function renderCheck(report) {
    const box = $("chk-result");
    box.replaceChildren();
    const codes = [];
    for (const r of report.reasons || []) {
      const words = REASONS[r.code] || r.code.replace(/_/g, " ");
      if (!codes.includes(words)) codes.push(words);
    }
    const verdict = report.allowed ? "Allowed" : `Denied: ${codes.join(", ") || "no reason given"}`;
    box.append(el("p", { class: `verdict ${report.allowed ? "allowed" : "denied"}`, id: "chk-verdict" },
      el("span", { class: "verdict-icon", "aria-hidden": "true" }, report.allowed ? "✓" : "✕"), " ", verdict));
    if (report.reasons && report.reasons.length) {
      const list = el("ul", { class: "reasons" });
      for (const r of report.reasons) {
        // token-core's messages often start with the same words already.
        const words = REASONS[r.code] || r.code.replace(/_/g, " ");
        const rest = r.message.toLowerCase().startsWith(words) ? r.message.slice(words.length) : `: ${r.message}`;
        list.append(el("li", { "data-code": r.code }, el("strong", {}, words), rest));
      }
      box.append(list);
    }
    const facts = el("dl", { class: "summary" });
    const add = (term, value) => facts.append(el("dt", {}, term), el("dd", {}, value));
    add("Signature", { valid: "valid (this server's certificate)", invalid: "invalid: not signed with this server's certificate", unchecked: "not checked" }[report.signature] || String(report.signature));
    if (report.version) add("Version", report.version);
    if (report.app_id) add("App ID", report.app_id);
    add("Checked at", `${formatTime(report.now)}`);
    if (report.issued_at !== null && report.issued_at !== undefined) add("Issued", `${formatTime(report.issued_at)} (${relative(report.issued_at, report.now)})`);
    add("Token expires", report.expires_at === null || report.expires_at === undefined ? "no limit" : `${formatTime(report.expires_at)} (${relative(report.expires_at, report.now)})`);
    box.append(facts);
    if (report.privileges && report.privileges.length) {
      const table = el("table", { class: "privileges" },
        el("caption", {}, "Privileges this request needs"),
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Service"), el("th", { scope: "col" }, "Privilege"), el("th", { scope: "col" }, "Expires"), el("th", { scope: "col" }, "Status"))));
      const tbody = el("tbody");
      for (const p of report.privileges) {
        const when = p.expires_at === null || p.expires_at === undefined ? (p.status === "missing" ? "—" : "no limit") : `${formatTime(p.expires_at)} (${relative(p.expires_at, report.now)})`;
        tbody.append(el("tr", {}, el("td", {}, p.service), el("td", {}, p.privilege), el("td", {}, when),
          el("td", { class: `pstatus ${p.status}` }, p.status)));
      }
      table.append(tbody);
      box.append(el("div", { class: "table-wrap" }, table));
    }
  }

  chkForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const status = $("chk-status");
    const token = $("chk-token").value.trim();
    if (!token) {
      setStatus(status, "Paste a token first.", "error");
      $("chk-token").focus();
      return;
    }
    let body;
    try {
      body = compact({ token, request: checkRequest(), now: intField("chk-now") });
    } catch (e) {
      setStatus(status, e.message, "error");
      return;
    }
    setStatus(status, "Checking…", "busy");
    try {
      const report = await post("/v1/tokens/check", body);
      renderCheck(report);
      setStatus(status, "", "");
    } catch (e) {
      $("chk-result").replaceChildren();
      setStatus(status, `Cannot check: ${e.message}`, "error");
    }
  });

  $("chk-service").addEventListener("change", updateCheckFields);

  updateGenFields();
  updateCheckFields();
})();
