ValueSet: GkOrganizationTypeVS
Id: gk-organization-type
Title: "Geboorteketen organisation types"
Description: "Organisatietypen in de geboorteketen (organisation types in the birth-care chain), from the Nictiz organisation type list."
* $orgtype#G3 "Verloskundigenpraktijk"
* $orgtype#K4 "Kraamzorg"
* $orgtype#JGZ "Jeugdgezondheidszorg"
* $orgtype#V6 "Algemeen ziekenhuis"
* $orgtype#Z3 "Huisartspraktijk"
