import Vapor

/// The only script: it moves an import's progress bar while the import runs. Without it the
/// page still works (a link reloads the progress).
enum ProgressScript {
    static func serve(_ req: Request) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
        headers.add(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: script))
    }

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
