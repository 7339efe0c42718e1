CodeSystem: NictizOrganizationTypeCS
Id: nictiz-organization-type
Title: "Nictiz organisation type (local subset)"
Description: """
Local subset of the Nictiz organisation type list (AGB organisation types, as used by nl-core
`HealthcareProvider.type`), carried in this package with the Nictiz URL for offline validation,
because no Nictiz package can be loaded here. Only the codes the birth-care chain uses are
present (content = fragment); the authoritative list is published by Nictiz / Vektis.
"""
* ^url = "http://nictiz.nl/fhir/NamingSystem/organization-type"
* ^caseSensitive = true
* ^content = #fragment
* ^language = #nl
* #G3 "Verloskundigenpraktijk" "Midwifery practice."
* #K4 "Kraamzorg" "Maternity home care organisation."
* #JGZ "Jeugdgezondheidszorg" "Youth health care organisation."
* #V6 "Algemeen ziekenhuis" "General hospital."
* #Z3 "Huisartspraktijk" "General practice (GP)."
