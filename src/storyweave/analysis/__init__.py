"""The cross-source analysis: entities, quotes, claims (agreements, conflicts) and the timeline."""
