"""Image files as bytes: metadata removed without decoding the picture."""
