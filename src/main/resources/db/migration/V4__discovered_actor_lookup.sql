-- Ingestion looks up the actors earlier documents discovered by the phrases of a new text
-- (ActorQueries.discoveredNamed): by exact name or any alias, among discovered actors only.
create index actor_view_discovered_name on actor_view (name) where discovered;
create index actor_view_discovered_aliases on actor_view using gin (aliases) where discovered;
