/** The areas an assessment can cover, as offered when creating one. */
export const clauseAreas = ['4', '5', '6', '7', '8', '9', '10'];
export const annexAreas = ['A.2', 'A.3', 'A.4', 'A.5', 'A.6', 'A.7', 'A.8', 'A.9', 'A.10'];
