#!/usr/bin/env bash
# Regenerates the TLS fixtures of PgTlsHandshakeTest: a CA, a server certificate for
# "localhost" only (so that verify-full against 127.0.0.1 must fail), a client certificate with an
# RSA key (the others are EC), a second CA that signed nothing here, and the client key in PKCS#1
# form (refused, with a hint to convert it). Test material only: valid 100 years, never secret.
set -euo pipefail
cd "$(dirname "$0")"
days=36500
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days $days \
  -subj "/CN=Pledgepad test CA" -keyout ca-key.pem -out ca.pem 2>/dev/null
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days $days \
  -subj "/CN=Pledgepad other CA" -keyout other-ca-key.pem -out other-ca.pem 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
  -keyout server-key.pem -out server.csr 2>/dev/null
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days $days \
  -extfile <(printf "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE") -out server.pem 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=pledgepad-app" -keyout client-key.pem -out client.csr 2>/dev/null
openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days $days \
  -extfile <(printf "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth") -out client.pem 2>/dev/null
openssl pkey -in client-key.pem -traditional -out client-key-pkcs1.pem
rm -f server.csr client.csr ca.srl ca-key.pem other-ca-key.pem
