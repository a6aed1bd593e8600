"""What every request of the SDK shares, whichever API it is for.

    constants   every default, named once
    clock       the one clock every wait and deadline reads (tests replace it)
    config      the client's settings, checked once
    deadline    overall deadlines; sockets: the sync sockets that honour them
    routes      which operation a request is
    retry       pure retry decisions and the per-call budget
    transport   the httpx transport: key, redirects, caps, retries, logging
    request     the one request path: options -> httpx request -> answer or typed error
    response    reading answers into models and errors
    pages       paging rules shared by every listing
    schema, languages   request validation from the spec
    log, aio, job_id    small helpers

Nothing here imports `gladia.prerecorded`, `gladia.live`, `gladia.testing` or `gladia.cli`.
"""
