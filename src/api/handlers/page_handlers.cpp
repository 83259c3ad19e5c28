// The pages: the built web app (its files, and index.html for its client
// routes such as /oversikt), a landing page at "/" when the app is not built,
// and the page behind the single-use setup link that `kompetent serve`
// prints, so that link works in a browser even without the app.
#include "api/handlers/handlers.h"
#include "api/web_files.h"

namespace kompetent::api::handlers {
namespace {

constexpr const char* kLandingPage = R"(<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>kompetent</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
code{background:#f2f2f2;padding:0 .2rem}</style></head>
<body><h1>kompetent</h1>
<p>Strategisk kompetanse- og rekrutteringsplanlegging for kommuner.</p>
<p>Tjeneren kjører. JSON-API-et ligger under <code>/api/v1</code>, beskrevet i
<code>docs/api.md</code> og <code>docs/openapi.yaml</code>.</p>
<p>Nettleserappen er ikke bygget: kjør <code>make run</code> (eller <code>npm run build</code> i
<code>web/</code> og <code>kompetent serve --web-dir web/dist</code>).</p>
<p lang="en"><em>The server is running. The JSON API is under <code>/api/v1</code>; see
<code>docs/api.md</code>. The web app is not built: run <code>make run</code>.</em></p>
</body></html>
)";

constexpr const char* kSetupPage = R"(<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>kompetent – første administrator</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
label{display:block;margin-top:1rem}input{width:100%;padding:.4rem;font-size:1rem}
button{margin-top:1.5rem;padding:.5rem 1rem;font-size:1rem}#melding{margin-top:1rem;font-weight:bold}</style></head>
<body><h1>Opprett den første administratoren</h1>
<p>Lenken virker én gang. Passordet må ha 12–128 tegn.</p>
<form id="skjema">
<label for="brukernavn">Brukernavn</label><input id="brukernavn" autocomplete="username" required>
<label for="navn">Navn</label><input id="navn" autocomplete="name">
<label for="passord">Passord</label><input id="passord" type="password" autocomplete="new-password" minlength="12" maxlength="128" required>
<label for="gjenta">Gjenta passordet</label><input id="gjenta" type="password" autocomplete="new-password" required>
<button type="submit">Opprett administrator</button></form>
<p id="melding" role="status" aria-live="polite"></p>
<script src="/setup.js"></script>
</body></html>
)";

constexpr const char* kSetupScript = R"(document.getElementById('skjema').addEventListener('submit', async (e) => {
  e.preventDefault();
  const melding = document.getElementById('melding');
  const passord = document.getElementById('passord').value;
  if (passord !== document.getElementById('gjenta').value) { melding.textContent = 'Passordene er ikke like.'; return; }
  const token = new URLSearchParams(location.search).get('token') || '';
  const svar = await fetch('/api/v1/setup', {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({token, username: document.getElementById('brukernavn').value,
                          display_name: document.getElementById('navn').value, password: passord})});
  if (svar.ok) { melding.textContent = 'Administratoren er opprettet. Du kan nå logge inn.'; e.target.hidden = true; return; }
  const feil = await svar.json().catch(() => null);
  melding.textContent = feil && feil.error ? feil.error.message.nb : 'Noe gikk galt (' + svar.status + ').';
});
)";

HttpResponse page(const char* body, const char* type) {
  HttpResponse response;
  response.body = body;
  response.headers["Content-Type"] = type;
  // Only our own script, no inline code, no framing.
  response.headers["Content-Security-Policy"] =
      "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; "
      "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  response.headers["Referrer-Policy"] = "no-referrer";  // the setup token is in the URL
  return response;
}

// The web app's policy: its own scripts only. ECharts sets inline styles,
// hence 'unsafe-inline' for styles and nothing else.
constexpr const char* kWebAppPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

// Vite names every file under assets/ after its content, so a changed file
// gets a new name and the old one may be kept for ever. index.html (and any
// other unhashed file) must be asked again each time, or a browser would keep
// loading the previous build's scripts.
HttpResponse web_file_response(RequestContext& ctx, const std::filesystem::path& file, bool hashed) {
  auto content = read_web_file(file);
  if (!content) return ctx.error(404, "not_found");
  HttpResponse response;
  response.body = std::move(*content);
  response.headers["Content-Type"] = std::string(web_content_type(file));
  response.headers["Cache-Control"] = hashed ? "public, max-age=31536000, immutable" : "no-cache";
  // On every file, not just index.html: an SVG opened on its own is a document too.
  response.headers["Content-Security-Policy"] = kWebAppPolicy;
  response.headers["Referrer-Policy"] = "same-origin";
  return response;
}

HttpResponse index_html(RequestContext& ctx) {
  return web_file_response(ctx, ctx.server.options.web_dir / "index.html", false);
}

}  // namespace

HttpResponse landing_page(RequestContext& ctx) {
  if (!ctx.server.options.web_dir.empty()) return index_html(ctx);
  return page(kLandingPage, "text/html; charset=utf-8");
}

HttpResponse web_app(RequestContext& ctx) {
  const std::filesystem::path& root = ctx.server.options.web_dir;
  if (root.empty()) return ctx.error(404, "not_found");
  const std::vector<std::string>& segments = ctx.request.path_segments;
  const bool under_assets = segments.size() > 1 && segments.front() == "assets";
  const WebFile found = find_web_file(root, segments);
  switch (found.outcome) {
    case WebFileOutcome::found: return web_file_response(ctx, found.path, under_assets);
    case WebFileOutcome::refused: return ctx.error(404, "not_found");
    case WebFileOutcome::missing: break;
  }
  // A missing script is a 404, not the app's HTML: a tab left open over a
  // deploy would otherwise run index.html as JavaScript and fail obscurely.
  if (under_assets) return ctx.error(404, "not_found");
  return index_html(ctx);  // a client route (/oversikt, /logg-inn, …)
}
HttpResponse setup_page(RequestContext&) { return page(kSetupPage, "text/html; charset=utf-8"); }
HttpResponse setup_script(RequestContext&) { return page(kSetupScript, "text/javascript; charset=utf-8"); }

}  // namespace kompetent::api::handlers
