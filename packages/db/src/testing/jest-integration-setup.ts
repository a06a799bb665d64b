// Integration tests start databases and servers: a cold PGlite alone takes about a second.
jest.setTimeout(60_000);
