// The parts of one care relationship in the answers of $zorgrelaties, $zorgrelatie-verlenen and
// $zorgrelatie-intrekken (use after the out parameter `zorgrelatie`).
RuleSet: ZorgrelatieParts
* parameter[=].part[0].name = #organisatie
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 1
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #Reference
* parameter[=].part[+].name = #reden
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 1
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #code
* parameter[=].part[+].name = #bron
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 0
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #Reference
* parameter[=].part[+].name = #verleendDoor
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 1
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #string
* parameter[=].part[+].name = #sinds
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 1
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #dateTime
* parameter[=].part[+].name = #tot
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 0
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #dateTime
* parameter[=].part[+].name = #eindeReden
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 0
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #string
* parameter[=].part[+].name = #actief
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 1
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #boolean

Instance: zorgrelaties
InstanceOf: OperationDefinition
Usage: #definition
Title: "$zorgrelaties — which organisations have a care relationship with the family"
Description: "Lists the care relationships the server keeps for the family of a patient: who has one now, since when, why, who granted it and until when. A family reads it in its PGO; partners read it for the families they care for."
* url = "https://fhir.geboorteketen.nl/OperationDefinition/zorgrelaties"
* name = "Zorgrelaties"
* title = "Zorgrelaties van het gezin"
* status = #active
* kind = #operation
* code = #zorgrelaties
* resource = #Patient
* system = false
* type = false
* instance = true
* affectsState = false
* description = """
A care relationship is a fact the server records when a practice opens a maternal record, when the managing
organisation adds an organisation to the family's care team, when a receiver accepts a handover, when a partner
registers a new client, or when the beheerder grants one. Nothing a partner writes otherwise opens a family.
With alleen-actief=true only the relationships in force now are listed.
"""
* parameter[0].name = #alleen-actief
* parameter[=].use = #in
* parameter[=].min = 0
* parameter[=].max = "1"
* parameter[=].type = #boolean
* parameter[=].documentation = "true: alleen de zorgrelaties die nu gelden."
* parameter[+].name = #zorgrelatie
* parameter[=].use = #out
* parameter[=].min = 0
* parameter[=].max = "*"
* insert ZorgrelatieParts

Instance: zorgrelatie-verlenen
InstanceOf: OperationDefinition
Usage: #definition
Title: "$zorgrelatie-verlenen — the beheerder grants a care relationship"
Description: "For a situation the chain's own routes (maternal record, care team, accepted handover) do not cover: the beheerder records a care relationship of an organisation with the family of a patient, with the reason."
* url = "https://fhir.geboorteketen.nl/OperationDefinition/zorgrelatie-verlenen"
* name = "ZorgrelatieVerlenen"
* title = "Zorgrelatie verlenen"
* status = #active
* kind = #operation
* code = #zorgrelatie-verlenen
* resource = #Patient
* system = false
* type = false
* instance = true
* affectsState = true
* parameter[0].name = #organisatie
* parameter[=].use = #in
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Reference
* parameter[=].targetProfile = "http://hl7.org/fhir/StructureDefinition/Organization"
* parameter[=].documentation = "De organisatie (Organization) van de zorgrelatie."
* parameter[+].name = #reden
* parameter[=].use = #in
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #string
* parameter[=].documentation = "Waarom, in ten hoogste 200 tekens; staat in het auditlog en is zichtbaar voor het gezin"
* parameter[+].name = #zorgrelatie
* parameter[=].use = #out
* parameter[=].min = 0
* parameter[=].max = "*"
* parameter[=].documentation = "The family's relationships in force afterwards, as in $zorgrelaties."
* insert ZorgrelatieParts

Instance: zorgrelatie-intrekken
InstanceOf: OperationDefinition
Usage: #definition
Title: "$zorgrelatie-intrekken — the beheerder revokes a care relationship"
Description: "Ends at once every current care relationship of an organisation with the family of a patient, with the reason; the ended relationships stay visible in $zorgrelaties."
* url = "https://fhir.geboorteketen.nl/OperationDefinition/zorgrelatie-intrekken"
* name = "ZorgrelatieIntrekken"
* title = "Zorgrelatie intrekken"
* status = #active
* kind = #operation
* code = #zorgrelatie-intrekken
* resource = #Patient
* system = false
* type = false
* instance = true
* affectsState = true
* parameter[0].name = #organisatie
* parameter[=].use = #in
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Reference
* parameter[=].targetProfile = "http://hl7.org/fhir/StructureDefinition/Organization"
* parameter[=].documentation = "De organisatie (Organization) van de zorgrelatie."
* parameter[+].name = #reden
* parameter[=].use = #in
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #string
* parameter[=].documentation = "Waarom, in ten hoogste 200 tekens; staat in het auditlog en is zichtbaar voor het gezin"
* parameter[+].name = #zorgrelatie
* parameter[=].use = #out
* parameter[=].min = 0
* parameter[=].max = "*"
* parameter[=].documentation = "All of the family's relationships afterwards, as in $zorgrelaties."
* insert ZorgrelatieParts
