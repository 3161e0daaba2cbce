import Fluent

/// Failed sign-ins per account and client address (throttling), and the security log.
struct M0045_CreateSignInThrottleAndSecurityLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sign_in_throttle")
            .id()
            .field("key", .string, .required)
            .field("failures", .int, .required)
            .field("last_failure_at", .datetime, .required)
            .field("locked_until", .datetime)
            .unique(on: "key")
            .create()
        try await database.schema("security_events")
            .id()
            .field("at", .datetime, .required)
            .field("kind", .string, .required)
            .field("user_id", .uuid, .references("users", "id"))
            .field("organisation_id", .uuid, .references("organisations", "id"))
            .field("actor_user_id", .uuid, .references("users", "id"))
            .field("email", .string)
            .field("address", .string)
            .field("detail", .string)
            .create()
        try await createIndex(database, table: "security_events", columns: ["organisation_id", "at"])
        try await createIndex(database, table: "security_events", columns: ["user_id", "at"])
        try await createIndex(database, table: "security_events", columns: ["actor_user_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("security_events").delete()
        try await database.schema("sign_in_throttle").delete()
    }
}
