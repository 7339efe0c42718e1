Instance: gk-careteam-on-behalf-of
InstanceOf: SearchParameter
Usage: #definition
Title: "Search care teams by the organisation a participant acts for"
Description: "CareTeams with a participant acting on behalf of an Organization: CareTeam?participant-on-behalf-of=Organization/123. Used to find the families an organisation has a care relationship with."
* url = "https://fhir.geboorteketen.nl/SearchParameter/gk-careteam-on-behalf-of"
* version = "0.1.0"
* name = "GkCareTeamOnBehalfOf"
* status = #active
* experimental = false
* publisher = "Geboorteketen"
* description = "Zoeken op de organisatie namens wie een deelnemer in het zorgteam zit (CareTeam.participant.onBehalfOf)."
* code = #participant-on-behalf-of
* base[0] = #CareTeam
* type = #reference
* expression = "CareTeam.participant.onBehalfOf"
* xpathUsage = #normal
* target[0] = #Organization
