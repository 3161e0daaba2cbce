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
    static let menu = """
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
