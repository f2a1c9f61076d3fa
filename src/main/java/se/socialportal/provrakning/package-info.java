/**
 * Provräkning: the public, login-free estimate of försörjningsstöd (POST /api/v1/provrakning and the page at
 * /provrakning/). It runs the same norm engine and rules as the robot, with the default tenant's caps. See
 * docs/norm.md and openapi/openapi.yaml.
 */
package se.socialportal.provrakning;
