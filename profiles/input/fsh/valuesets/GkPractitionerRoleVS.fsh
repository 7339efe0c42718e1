ValueSet: GkPractitionerRoleVS
Id: gk-practitioner-role
Title: "Geboorteketen practitioner roles"
Description: "Alle rollen van zorgverleners in de geboorteketen (all roles of professionals in the birth-care chain)."
* include codes from system GkPractitionerRoleCS
