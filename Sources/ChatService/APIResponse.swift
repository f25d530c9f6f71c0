import Chat
import HTTP

/// JSON answers for `/api/…`, with the error shape of protocol §11: `{"error":"CODE","message":"…"}`.
enum APIResponse {
    /// A JSON body built with `build`.
    static func json(_ status: HTTPStatus = .ok, _ build: (inout JSONWriter) -> Void) -> HTTPResponse {
        var writer = JSONWriter(capacity: 512)
        build(&writer)
        return HTTPResponse(status: status, headers: jsonHeaders, body: writer.bytes)
    }

    /// An error in plain words; `code` is one of the protocol's error codes.
    static func error(_ status: HTTPStatus, _ code: String, _ message: String) -> HTTPResponse {
        json(status) { writer in
            writer.beginObject()
            writer.key("error"); writer.string(code)
            writer.key("message"); writer.string(message)
            writer.endObject()
        }
    }

    static let notFound = error(.notFound, "not_found", "There is nothing here.")
    static let unauthorized = error(.unauthorized, "unauthorized", "Please sign in again.")
    static let forbidden = error(.forbidden, "forbidden", "Your role does not allow this.")
    static let internalError = error(.internalServerError, "server_error", "Something went wrong on our side. Please try again.")

    /// 405 with the methods the route does allow.
    static func methodNotAllowed(_ allowed: String) -> HTTPResponse {
        var response = error(.methodNotAllowed, "bad_request", "This address does not answer that method.")
        response.headers.add(name: "Allow", value: allowed)
        return response
    }

    private static var jsonHeaders: HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        headers.add(name: "Cache-Control", value: "no-store")
        return headers
    }
}
