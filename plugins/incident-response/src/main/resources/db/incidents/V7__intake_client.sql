-- The intake client (an API token's principal, or a console user calling the API) that opened an incident: an intake
-- call may update only the incidents its own client opened, unless it holds incidents.intake.update-any.
alter table incidents.incident add column intake_client varchar(100);

-- [jooq ignore start]
-- incidents opened through the API before: their client is the one whose first accepted call created them
update incidents.incident i set intake_client = first.client
from (select distinct on (incident_id) incident_id, client from incidents.intake_request
      where status = 201 and incident_id is not null order by incident_id, received_at, id) first
where first.incident_id = i.id;
-- [jooq ignore stop]
