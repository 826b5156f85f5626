"""The lead's review: bringing a platform's metrics in, and (next) plan against actual."""
