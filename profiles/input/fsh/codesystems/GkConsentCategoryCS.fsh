CodeSystem: GkConsentCategoryCS
Id: consent-category
Title: "Geboorteketen consent categories"
Description: "Waarvoor de familie toestemming geeft of weigert (what the family consents to or refuses)."
* ^url = "https://fhir.geboorteketen.nl/CodeSystem/consent-category"
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* ^language = #nl
* #pgo-delen "Delen met PGO" "Sharing the family's records with the family's own PGO app (MedMij)."
* #partner-delen "Delen met ketenpartner" "Sharing with one chain partner, named in provision.actor."
* #digitale-instructie "Digitale kraamzorginstructie" "Digital kraamzorg instruction (LIP)."
* #pilot-consultatie "Consultatie pilot" "Consultation within the Geboortezorg Flex pilot."
* #prenataal-huisbezoek "Prenataal huisbezoek" "JGZ prenatal home visit."
