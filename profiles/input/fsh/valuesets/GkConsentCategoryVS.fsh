ValueSet: GkConsentCategoryVS
Id: consent-category
Title: "Geboorteketen consent categories"
Description: "All codes of the Geboorteketen consent-category code system."
* ^url = "https://fhir.geboorteketen.nl/ValueSet/consent-category"
* ^status = #active
* include codes from system $consentCategory
