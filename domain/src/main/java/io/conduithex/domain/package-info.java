/** The Conduit domain: entities, value objects, domain errors and the ports adapters implement. */
package io.conduithex.domain;
