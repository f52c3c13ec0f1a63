/**
 * The API behind the owners' page (issue 14): recent reports, and one store's week as the engine counted it. The page
 * itself is static ({@code src/main/resources/static}); errors here are Problem Details like everywhere else
 * ({@code dev.storemon.gateway.web}).
 */
package dev.storemon.gateway.page;
