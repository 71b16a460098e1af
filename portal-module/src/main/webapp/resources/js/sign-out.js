// The sign-out page posts the identity provider's end-session request as soon as it loads.
document.getElementById('endSession').submit();
