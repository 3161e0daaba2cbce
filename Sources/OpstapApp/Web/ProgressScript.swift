import Vapor

/// The staff pages' two small scripts. Every page works without them: they only add comfort.
enum ProgressScript {
    static func serve(_ req: Request) -> Response { javascript(script) }

    static func serveMenu(_ req: Request) -> Response { javascript(menu) }

    private static func javascript(_ text: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
        headers.add(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    /// On a phone the navigation folds behind a "Menu" button; without the script it stays open.
    /// A link to a folded form (the dossier's "Volgende stap") opens the fold and puts focus
    /// on its first field; without the script the link scrolls to the fold's summary.
    static let menu = """
        (function () {
          function reveal() {
            var target = location.hash.length > 1 && document.getElementById(decodeURIComponent(location.hash.slice(1)));
            if (!target) return;
            for (var node = target; node; node = node.parentElement) {
              if (node.tagName === 'DETAILS') node.open = true;
            }
            if (target.tagName !== 'DETAILS') return;
            var field = target.querySelector('input:not([type=hidden]), select, textarea, button');
            if (field) field.focus();
          }
          window.addEventListener('hashchange', reveal);
          // A second click on the same link changes no hash: reveal again after the jump.
          document.addEventListener('click', function (event) {
            if (event.target.closest && event.target.closest('a[href^="#"]')) setTimeout(reveal, 0);
          });
          reveal();
        })();
        (function () {
          var button = document.querySelector('.menu-toggle'), nav = document.getElementById('main-nav');
          if (!button || !nav) return;
          var phone = window.matchMedia('(max-width: 37.5em)');
          function fit() {
            button.hidden = !phone.matches;
            var open = button.getAttribute('aria-expanded') === 'true';
            nav.classList.toggle('collapsed', phone.matches && !open);
          }
          button.addEventListener('click', function () {
            button.setAttribute('aria-expanded', button.getAttribute('aria-expanded') === 'true' ? 'false' : 'true');
            fit();
          });
          phone.addEventListener('change', fit);
          fit();
        })();
        """

    /// Moves an import's progress bar while the import runs (a link reloads the progress without it).

    static let script = """
        (function () {
          var bar = document.querySelector('progress[data-poll]');
          if (!bar) return;
          var label = document.getElementById('import-progress-label');
          function poll() {
            fetch(bar.getAttribute('data-poll'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
              .then(function (r) { return r.json(); })
              .then(function (p) {
                bar.max = Math.max(p.total, 1); bar.value = p.processed;
                label.textContent = bar.getAttribute('data-label').replace('{0}', p.processed).replace('{1}', p.total);
                if (p.status === 'running') { setTimeout(poll, 400); } else { window.location.reload(); }
              })
              .catch(function () { setTimeout(poll, 1500); });
          }
          setTimeout(poll, 300);
        })();
        """
}
