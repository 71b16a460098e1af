package vn.egov.common.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.el.ELException;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import vn.egov.common.DomainException;

class RefusalsTest {

    @Test
    void aCabinetMemberOnTheInboxIsRefusedWith403WhateverWrapsTheEjbRefusal() {
        Throwable escaped = new ServletException(new FacesException(new ELException(
                "inboxBean", new IllegalStateException("PostConstruct failed", new EJBAccessException("inbox")))));
        assertEquals(403, Refusals.statusOf(escaped));
    }

    @Test
    void anotherAgencysDocumentIsNotFound() {
        Throwable escaped = new FacesException(
                new EJBException(DomainException.notFound("exchange.document.not-found", "no such document")));
        assertEquals(404, Refusals.statusOf(escaped));
        assertEquals(403, Refusals.statusOf(DomainException.forbidden("auth.forbidden", "no")));
    }

    @Test
    void aViewStateThisSessionDoesNotHoldIsABadRequest() {
        Throwable escaped = new ServletException(new ViewExpiredException("/exchange/inbox.xhtml"));
        assertEquals(400, Refusals.statusOf(escaped));
        assertTrue(Refusals.expired(escaped));
    }

    @Test
    void aFailureOfThePlatformStaysA500() {
        assertEquals(500, Refusals.statusOf(new ServletException(new NullPointerException())));
        assertEquals(
                500,
                Refusals.statusOf(
                        new DomainException(DomainException.Kind.UNAVAILABLE, "exchange.send.unavailable", "down")));
        assertFalse(Refusals.expired(new IllegalStateException()));
    }
}
