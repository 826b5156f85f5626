"""The live desk's pages on the studio network: each role's screen as a web page for the team's
phones and tablets, served by a small server the window or `liveplanner share` starts.

A front-end like ui/ and cli/, thin over app/: the desk (app.live_desk) works out every screen;
this package only serves it, as JSON the pages draw, and passes the pages' ticks back."""
