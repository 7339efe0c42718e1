Instance: episodeofcare-everything
InstanceOf: OperationDefinition
Usage: #definition
Title: "$everything op het zwangerschapsdossier — alles van één zwangerschap"
Description: "Geeft het zwangerschapsdossier (EpisodeOfCare, gk-maternal-record) met alles wat erbij hoort: elk record dat ernaar verwijst, de moeder en het kind of de kinderen van deze zwangerschap."
* url = "https://fhir.geboorteketen.nl/OperationDefinition/episodeofcare-everything"
* name = "EpisodeOfCareEverything"
* title = "Alles van één zwangerschap"
* status = #active
* kind = #operation
* code = #everything
* resource = #EpisodeOfCare
* system = false
* type = false
* instance = true
* affectsState = false
* description = """
Geeft in één Bundle (searchset) alles van één zwangerschap: het zwangerschapsdossier zelf; elk record dat
ernaar verwijst met de extensie ext-maternal-record (de zwangerschap en haar onderdelen, observaties, de
bevalling, de kraamzorgindicatie, LIP-factoren, taken en overdrachten, toestemmingen, het gezinsplan,
Provenance) of met een eigen element (zoals Encounter.episodeOfCare of DocumentReference.context); en waar
die records naar verwijzen: de moeder, het kind of de kinderen wier gk-mother-koppeling dit dossier noemt,
zorgverleners, organisaties en het overdrachtsdocument van een taak.
Elke resource ondergaat dezelfde controle als een gewone read: een ketenpartner zonder zorgrelatie met het
gezin krijgt 403, net als bij het lezen van het dossier; de PGO van de moeder ziet het alleen met een
actieve pgo-delen-toestemming, zonder BSN. Elke toegang wordt gelogd (NEN 7513).
Alleen een zwangerschapsdossier (type SNOMED 364320009): een ander EpisodeOfCare geeft 422.
"""
* parameter[0].name = #return
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Bundle
* parameter[=].documentation = "Een Bundle van type searchset: het dossier (search.mode match) en alles wat erbij hoort (search.mode include)."
