"""storyweave: many news articles about one story -> one cited brief."""
