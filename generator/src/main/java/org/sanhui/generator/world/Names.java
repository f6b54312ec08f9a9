package org.sanhui.generator.world;

import java.util.SplittableRandom;

/**
 * Synthetic Chinese personal names and phone numbers that cannot be real.
 *
 * <p>Phone numbers have the form {@code 100xxxxxxxx}: no mainland mobile number segment starts with 10
 * (mobile segments are 13x-19x), so none of them can reach a person.
 */
public final class Names {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文辉俊峰斌宁海燕鹏飞云霞雪梅晓东春梅学军德明永福";

    private Names() {
    }

    /**
     * Returns a synthetic two- or three-character name.
     *
     * @param rng the random source
     * @return the name
     */
    public static String person(SplittableRandom rng) {
        StringBuilder b = new StringBuilder();
        b.append(SURNAMES.charAt(rng.nextInt(SURNAMES.length())));
        b.append(GIVEN.charAt(rng.nextInt(GIVEN.length())));
        if (rng.nextInt(100) < 65) {
            b.append(GIVEN.charAt(rng.nextInt(GIVEN.length())));
        }
        return b.toString();
    }

    /**
     * Returns an 11-digit phone number starting with 100, a segment no mainland mobile number uses.
     *
     * @param rng the random source
     * @return the number
     */
    public static String phone(SplittableRandom rng) {
        return String.format("100%08d", rng.nextInt(100_000_000));
    }
}
