// The OneRoster 1.1 / 1.2 CSV files Svodka reads, with their columns (union of both versions), and
// the misspellings seen in real exports (../shared/fixtures/oneroster/README.md). `ext_svodka_*` are
// Svodka's own extension columns (written by its OneRoster export) for what the standard cannot say.

const common = ['sourcedId', 'status', 'dateLastModified'];

export const oneRosterColumns = {
  manifest: ['propertyName', 'value'],
  orgs: [...common, 'name', 'type', 'identifier', 'parentSourcedId', 'metadata.classification', 'metadata.gender', 'metadata.boarding'],
  academicSessions: [...common, 'title', 'type', 'startDate', 'endDate', 'parentSourcedId', 'schoolYear', 'ext_svodka_kind'],
  users: [...common, 'enabledUser', 'orgSourcedIds', 'role', 'username', 'userIds', 'userId', 'givenName', 'familyName',
    'middleName', 'identifier', 'email', 'sms', 'phone', 'agentSourcedIds', 'agents', 'grades', 'password',
    'userMasterIdentifier', 'preferredGivenName', 'preferredMiddleName', 'preferredFamilyName', 'primaryOrgSourcedId', 'pronouns',
    'ext_svodka_position', 'ext_svodka_relation'],
  roles: [...common, 'userSourcedId', 'roleType', 'role', 'beginDate', 'endDate', 'orgSourcedId', 'userProfileSourcedId'],
  userProfiles: [...common, 'userSourcedId', 'profileType', 'vendorId', 'applicationId', 'description', 'credentialType', 'username', 'password'],
  courses: [...common, 'schoolYearSourcedId', 'schoolYearId', 'metadata.duration', 'title', 'courseCode', 'grades', 'grade', 'orgSourcedId', 'subjects', 'subjectCodes', 'ext_svodka_component'],
  classes: [...common, 'title', 'grades', 'grade', 'courseSourcedId', 'classCode', 'classType', 'location', 'schoolSourcedId',
    'termSourcedIds', 'subjects', 'subjectCodes', 'periods', 'ext_svodka_kind', 'ext_svodka_classId', 'ext_svodka_profile'],
  enrollments: [...common, 'classSourcedId', 'schoolSourcedId', 'userSourcedId', 'role', 'primary', 'beginDate', 'endDate'],
  demographics: [...common, 'userSourcedId', 'birthDate', 'sex', 'americanIndianOrAlaskaNative', 'asian', 'blackOrAfricanAmerican',
    'nativeHawaiianOrOtherPacificIslander', 'white', 'demographicRaceTwoOrMoreRaces', 'hispanicOrLatinoEthnicity',
    'countryOfBirthCode', 'stateOfBirthAbbreviation', 'cityOfBirth', 'publicSchoolResidenceStatus'],
  categories: [...common, 'title', 'weight'],
  lineItems: [...common, 'title', 'description', 'assignDate', 'dueDate', 'classSourcedId', 'categorySourcedId',
    'gradingPeriodSourcedId', 'academicSessionSourcedId', 'schoolSourcedId', 'scoreScaleSourcedId', 'resultValueMin', 'resultValueMax'],
  results: [...common, 'lineItemSourcedId', 'studentSourcedId', 'scoreStatus', 'score', 'textScore', 'scoreDate', 'comment',
    'scoreScaleSourcedId', 'inProgress', 'incomplete', 'late', 'missing', 'learningObjectiveSetSourcedId', 'ext_svodka_enteredBy'],
} as const;

export type OneRosterFile = keyof typeof oneRosterColumns;
export const oneRosterFiles = Object.keys(oneRosterColumns) as OneRosterFile[];

/** Files of the standard that carry nothing Svodka keeps: listed in the report as not used. */
export const unusedOneRosterFiles = ['classResources', 'courseResources', 'resources', 'scoreScales',
  'lineItemLearningObjectiveIds', 'resultLearningObjectiveIds', 'lineItemScoreScales', 'resultScoreScales'];

/** Known misspellings -> the standard name. Other near misses are matched by edit distance. */
export const headerAliases: Record<string, string> = {
  dataLastModified: 'dateLastModified',
  prefferedGivenName: 'preferredGivenName',
  prefferedMiddleName: 'preferredMiddleName',
  prefferedFamilyName: 'preferredFamilyName',
  birthdate: 'birthDate',
};
