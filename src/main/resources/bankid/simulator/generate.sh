#!/bin/sh
# Generates the BankID simulator's test credentials. Run from an empty directory; see README.md.
set -eu
DAYS=7300   # about 20 years
PASS=qwerty123

# 1. Simulator CA (its key is not kept: regenerate everything to issue more certificates)
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days $DAYS \
  -keyout ca.key -out ca.pem \
  -subj "/C=SE/O=Socialportalen/CN=BankID Simulator CA (test only)" \
  -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign"

# 2. Server certificate for the simulator's RP API (localhost / 127.0.0.1 / ::1)
openssl req -newkey rsa:2048 -nodes -sha256 -keyout server.key -out server.csr \
  -subj "/C=SE/O=Socialportalen/CN=localhost"
openssl x509 -req -sha256 -days $DAYS -in server.csr -CA ca.pem -CAkey ca.key -set_serial 0x1001 \
  -out server.pem -extfile /dev/stdin <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1
EXT

# 3. Relying party client certificate (what the app presents), PKCS#12 with password qwerty123
openssl req -newkey rsa:2048 -nodes -sha256 -keyout rp.key -out rp.csr \
  -subj "/C=SE/O=Socialportalen/CN=Socialportalen RP (BankID simulator test)"
openssl x509 -req -sha256 -days $DAYS -in rp.csr -CA ca.pem -CAkey ca.key -set_serial 0x2001 \
  -out rp.pem -extfile /dev/stdin <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=clientAuth
EXT
openssl pkcs12 -export -in rp.pem -inkey rp.key -certfile ca.pem -name rp -passout pass:$PASS -out rp.p12

# 4. The simulated end user's signing certificate (signs the XML in completionData.signature), PKCS#12
openssl req -newkey rsa:2048 -nodes -sha256 -keyout signing.key -out signing.csr \
  -subj "/C=SE/O=Socialportalen/CN=BankID Simulator end user signing (test only)"
openssl x509 -req -sha256 -days $DAYS -in signing.csr -CA ca.pem -CAkey ca.key -set_serial 0x3001 \
  -out signing.pem -extfile /dev/stdin <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,nonRepudiation
EXT
openssl pkcs12 -export -in signing.pem -inkey signing.key -certfile ca.pem -name signing -passout pass:$PASS \
  -out signing.p12

# 5. Test only: an RP certificate from the simulator CA that the simulator has not registered (-> unauthorized)
openssl req -newkey rsa:2048 -nodes -sha256 -keyout unregistered-rp.key -out unregistered-rp.csr \
  -subj "/C=SE/O=Socialportalen/CN=Unregistered RP (BankID simulator test)"
openssl x509 -req -sha256 -days $DAYS -in unregistered-rp.csr -CA ca.pem -CAkey ca.key -set_serial 0x2002 \
  -out unregistered-rp.pem -extfile /dev/stdin <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=clientAuth
EXT
openssl pkcs12 -export -in unregistered-rp.pem -inkey unregistered-rp.key -certfile ca.pem -name rp \
  -passout pass:$PASS -out unregistered-rp.p12

# 6. Test only: a second CA the simulator does not trust, and an RP certificate from it
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days $DAYS \
  -keyout untrusted-ca.key -out untrusted-ca.pem \
  -subj "/C=SE/O=Nobody/CN=Untrusted CA (test only)" \
  -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign"
openssl req -newkey rsa:2048 -nodes -sha256 -keyout untrusted-rp.key -out untrusted-rp.csr \
  -subj "/C=SE/O=Nobody/CN=Untrusted RP (test only)"
openssl x509 -req -sha256 -days $DAYS -in untrusted-rp.csr -CA untrusted-ca.pem -CAkey untrusted-ca.key \
  -set_serial 0x4001 -out untrusted-rp.pem -extfile /dev/stdin <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=clientAuth
EXT
openssl pkcs12 -export -in untrusted-rp.pem -inkey untrusted-rp.key -certfile untrusted-ca.pem -name rp \
  -passout pass:$PASS -out untrusted-rp.p12
