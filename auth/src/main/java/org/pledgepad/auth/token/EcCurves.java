package org.pledgepad.auth.token;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;

/** The P-256 curve parameters from the JDK, and an on-curve check for imported points. */
public final class EcCurves {
  private static final ECParameterSpec P256;

  static {
    try {
      AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
      params.init(new ECGenParameterSpec("secp256r1"));
      P256 = params.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private EcCurves() {}

  public static ECParameterSpec p256() {
    return P256;
  }

  /**
   * True if (x, y) lies on P-256. The JDK's KeyFactory does not check this for public keys, and
   * a point off the curve must never be used (invalid-curve attacks).
   */
  public static boolean onP256(ECPoint point) {
    BigInteger p = ((ECFieldFp) P256.getCurve().getField()).getP();
    BigInteger x = point.getAffineX();
    BigInteger y = point.getAffineY();
    if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
      return false;
    }
    BigInteger left = y.multiply(y).mod(p);
    BigInteger right = x.pow(3).add(P256.getCurve().getA().multiply(x)).add(P256.getCurve().getB()).mod(p);
    return left.equals(right);
  }
}
