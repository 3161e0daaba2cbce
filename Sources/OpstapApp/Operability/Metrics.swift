import CoreMetrics
import Foundation
import Prometheus
import Vapor

/// Prometheus metrics at `/metrics`.
///
/// Vapor reports every request through swift-metrics: `http_requests_total` and the
/// `http_request_duration_seconds` histogram, labelled by method, route PATTERN and status
/// (unmatched paths all count as `vapor_route_undefined`, so ids never become labels). Opstap
/// adds `opstap_in_flight_work` (requests and background jobs running now), the database pool's
/// use and size (`opstap_db_connections_in_use` and `_max`), the statements sent
/// (`opstap_db_statements_total`, see `DatabaseUsage`) and, per background
/// job kind and outcome — imports, and the scheduled attention and SQLite statistics refreshes
/// (`scheduleRepeatedJob`) — `opstap_job_runs_total` and `opstap_job_duration_seconds`.
///
/// Who may read: a request from loopback that did not come through a proxy (no
/// `X-Forwarded-For`, `X-Real-IP` or `Forwarded` header), or anyone with
/// `Authorization: Bearer $OPSTAP_METRICS_TOKEN` when that is set. Others get 403: the
/// figures say how busy an installation is and which routes fail.
enum OpstapMetrics {
    /// One registry per process: swift-metrics can be bootstrapped once.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// Named `opstap_in_flight_work`: the descriptor leaves out the empty unit.
    static let inFlight = registry.makeGauge(
        descriptor: MetricNameDescriptor(
            namespace: "opstap", metricName: "in_flight_work", unitName: "",
            helpText: "Requests and background jobs running now"))

    /// Counts a finished background job and its duration.
    static func recordJob(kind: String, succeeded: Bool, duration: Duration) {
        let dimensions = [("kind", kind), ("outcome", succeeded ? "done" : "failed")]
        CoreMetrics.Counter(label: "opstap_job_runs_total", dimensions: dimensions).increment()
        let nanoseconds = duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
        CoreMetrics.Timer(
            label: "opstap_job_duration_seconds", dimensions: [("kind", kind)], preferredDisplayUnit: .seconds
        ).recordNanoseconds(nanoseconds)
    }

    static func serve(_ req: Request) async throws -> Response {
        guard mayRead(req) else {
            return Response(
                status: .forbidden,
                body: .init(string: "Metrics are readable from this machine, or with OPSTAP_METRICS_TOKEN.\n"))
        }
        inFlight.set(Double(req.application.inFlightWork.count - 1))  // not counting this request
        let response = Response(status: .ok, body: .init(string: registry.emitToString()))
        response.headers.contentType = HTTPMediaType(
            type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return response
    }

    static func mayRead(_ req: Request) -> Bool {
        if let expected = req.application.appConfig.metricsToken, let sent = req.headers.bearerAuthorization?.token {
            return sent.utf8.count == expected.utf8.count
                && zip(sent.utf8, expected.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
        }
        let proxied = ["X-Forwarded-For", "X-Real-IP", "Forwarded"].contains { req.headers.first(name: $0) != nil }
        // The socket's peer, not `peerAddress`: that one believes forwarding headers.
        guard !proxied, let ip = req.remoteAddress?.ipAddress else { return false }
        return ip.hasPrefix("127.") || ip == "::1"
    }
}
