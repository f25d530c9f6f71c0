extension HTTPResponse {
    /// A short plain-text answer, for errors and `/healthz`; never carries user content.
    public static func plainText(_ status: HTTPStatus, _ text: String) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        return HTTPResponse(status: status, headers: headers, body: Array(text.utf8))
    }

    /// The answer to a request that could not be parsed: its status, a one-line reason, and `Connection: close`.
    public static func parseFailure(_ error: HTTPParseError) -> HTTPResponse {
        var response = plainText(error.status, "\(error.status.reasonPhrase)\n")
        response.headers.add(name: "Connection", value: "close")
        return response
    }
}
