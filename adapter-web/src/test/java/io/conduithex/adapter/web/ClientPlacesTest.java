package io.conduithex.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientPlacesTest {
    @Test
    void anIpv4AddressIsItsOwnPlace() {
        assertThat(ClientPlaces.of("198.51.100.7")).isEqualTo("198.51.100.7");
    }

    @Test
    void everyAddressOfOneIpv6NetworkIsOnePlace() {
        String one = ClientPlaces.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        String other = ClientPlaces.of("[2001:db8:1:2::17]");

        assertThat(one).isEqualTo(other).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientPlaces.of("2001:db8:1:3::17")).isNotEqualTo(one);
    }

    @Test
    void anIpv4MappedAddressIsTheIpv4Address() {
        assertThat(ClientPlaces.of("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
    }
}
